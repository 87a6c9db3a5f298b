using System.Net;
using System.Net.Http.Json;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>A fresh tenant as the operator sets it up, with its owner signed in to the pages after choosing a password from the invitation.</summary>
public static class InvitedOwners
{
    public const string Password = "correct horse battery";

    private sealed record TenantView(string PlatformGroupId);

    /// <summary>The tenant, its platform group and the owner's browser; the connector enabled when asked.</summary>
    public static async Task<(string Tenant, string PlatformGroupId, BrowserClient Owner)> SignedInAsync(ScimApiFactory factory, bool enableConnector = true)
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        var email = $"owner@{tenant}.example";
        using var admin = factory.Operator();
        (await admin.PostAsJsonAsync("/admin/v1/tenants", new { id = tenant, displayName = "Riverside School" })).EnsureSuccessStatusCode();
        var platformGroupId = (await admin.GetFromJsonAsync<TenantView>($"/admin/v1/tenants/{tenant}"))!.PlatformGroupId;
        (await admin.PostAsJsonAsync($"/admin/v1/tenants/{tenant}/users", new { email, role = "owner" })).EnsureSuccessStatusCode();
        if (enableConnector)
            (await admin.PutAsJsonAsync($"/admin/v1/tenants/{tenant}/connector", new { platformGroupId, connectorAdminEmail = email })).EnsureSuccessStatusCode();
        var temporary = TestInbox.TemporaryPasswordIn(await factory.Inbox.WaitForAsync(email));
        var owner = factory.Browser();
        await owner.SignInAsync(tenant, email, temporary);
        var changed = await owner.SubmitAsync($"/t/{tenant}/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = temporary, ["NewPassword"] = Password, ["ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        return (tenant, platformGroupId, owner);
    }
}
