using System.Net;
using System.Net.Http.Json;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Pages;

/// <summary>The operator console at /operator, through the real pipeline: its own session, tenants, connector, fields, people.</summary>
public abstract class OperatorConsoleTests(ScimApiFactory factory)
{
    private async Task<BrowserClient> OperatorSignedInAsync()
    {
        var browser = factory.Browser();
        var signedIn = await browser.SubmitAsync("/operator/login", new Dictionary<string, string> { ["Key"] = ScimApiFactory.OperatorKey });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/operator", signedIn.Location);
        return browser;
    }

    private static string NewTenantId() => "t-" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> CreateTenantAsync(BrowserClient console, string id, string name) =>
        await console.SubmitAsync("/operator", new Dictionary<string, string> { ["Id"] = id, ["DisplayName"] = name });

    [Fact]
    public async Task WithoutASession_TheConsoleAsksForTheKey_AndAWrongKeyOpensNothing()
    {
        using var browser = factory.Browser();

        var console = await browser.GetAsync("/operator");
        var wrong = await browser.SubmitAsync("/operator/login", new Dictionary<string, string> { ["Key"] = "not-the-key" });
        var stillOut = await browser.GetAsync("/operator");

        Assert.Equal(HttpStatusCode.Redirect, console.Status);
        Assert.StartsWith("/operator/login", console.Location);
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("That is not the operator key", wrong.Html);
        Assert.Equal(HttpStatusCode.Redirect, stillOut.Status);
    }

    [Fact]
    public async Task TheOperator_CreatesATenant_SeesItListed_AndATakenIdIsExplained()
    {
        using var console = await OperatorSignedInAsync();
        var id = NewTenantId();

        var created = await CreateTenantAsync(console, id, "Hillside College");
        var list = await console.GetAsync("/operator");
        var again = await CreateTenantAsync(console, id, "Another");
        var invalid = await CreateTenantAsync(console, "Not Valid!", "x");
        using var api = factory.Operator();

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal($"/operator/tenants/{id}", created.Location);
        Assert.Contains("Hillside College", list.Html);
        Assert.Contains($"exists already", again.Html);
        Assert.Contains("lowercase letters", invalid.Html);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/admin/v1/tenants/{id}")).StatusCode);
    }

    [Fact]
    public async Task OnATenantsPage_TheOperatorInvitesTheOwner_EnablesTheConnector_AndSetsCustomFields()
    {
        using var console = await OperatorSignedInAsync();
        var id = NewTenantId();
        await CreateTenantAsync(console, id, "Lakeside Academy");
        var page = $"/operator/tenants/{id}";
        var email = $"head@{id}.example";
        using var api = factory.Operator();
        var platformGroupId = (await api.GetFromJsonAsync<TenantView>($"/admin/v1/tenants/{id}"))!.PlatformGroupId;

        var person = await console.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = email, ["Role"] = "owner" }, $"{page}?handler=Person");
        var wrongAdmin = await console.SubmitAsync(page, new Dictionary<string, string>
            { ["PlatformGroupId"] = platformGroupId, ["ConnectorAdminEmail"] = "stranger@elsewhere.example" }, $"{page}?handler=Connector");
        var connector = await console.SubmitAsync(page, new Dictionary<string, string>
            { ["PlatformGroupId"] = platformGroupId, ["ConnectorAdminEmail"] = email }, $"{page}?handler=Connector");
        var fields = await console.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Fields[0].Name"] = "gradeLevel", ["Fields[0].Type"] = "integer", ["Fields[0].Required"] = "true",
            ["Fields[1].Name"] = "", ["Fields[1].Type"] = "string",
        }, $"{page}?handler=Fields");
        var invitation = await factory.Inbox.WaitForAsync(email);
        var stored = await api.GetFromJsonAsync<FieldsView>($"/admin/v1/tenants/{id}/custom-fields");
        var state = await api.GetFromJsonAsync<ConnectorView>($"/admin/v1/tenants/{id}/connector");

        Assert.Equal(HttpStatusCode.Redirect, person.Status);
        Assert.NotEmpty(TestInbox.TemporaryPasswordIn(invitation));
        Assert.Equal(HttpStatusCode.OK, wrongAdmin.Status);
        Assert.Contains("class=\"error\"", wrongAdmin.Html);
        Assert.Equal(HttpStatusCode.Redirect, connector.Status);
        Assert.True(state!.Enabled);
        Assert.Equal(HttpStatusCode.Redirect, fields.Status);
        Assert.Equal([("gradeLevel", "integer", true)], stored!.Fields.Select(f => (f.Name, f.Type, f.Required)));
    }

    [Fact]
    public async Task TheOperatorsSession_OpensNoTenantsPages_AndAPlatformSessionOpensNoConsole()
    {
        using var console = await OperatorSignedInAsync();
        var id = NewTenantId();
        await CreateTenantAsync(console, id, "Seaside School");
        var scim = await factory.NewTenantAsync();
        await scim.CreateUserAsync("pam", ""","password":"correct horse battery" """);
        using var platform = factory.Browser();
        await platform.SignInAsync(scim.Tenant, "pam", "correct horse battery");

        var tenantHome = await console.GetAsync($"/t/{id}/");
        var consoleFromPlatform = await platform.GetAsync("/operator");

        Assert.Equal(HttpStatusCode.Redirect, tenantHome.Status);
        Assert.StartsWith($"/t/{id}/login", tenantHome.Location);
        Assert.Equal(HttpStatusCode.Redirect, consoleFromPlatform.Status);
        Assert.StartsWith("/operator/login", consoleFromPlatform.Location);
    }

    private sealed record TenantView(string PlatformGroupId);

    private sealed record FieldsView(IReadOnlyList<FieldView> Fields);

    private sealed record FieldView(string Name, string Type, bool Required);

    private sealed record ConnectorView(bool Enabled);

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : OperatorConsoleTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : OperatorConsoleTests(factory);
}
