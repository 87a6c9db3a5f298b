using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Hardening;

/// <summary>
/// Every input of <see cref="BadInputs"/> through the real pipeline: a 4xx with a SCIM error body, nothing stored,
/// and the service still healthy afterwards.
/// </summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class BadInputCorpusTests(ScimApiFactory factory)
{
    [Theory]
    [MemberData(nameof(BadInputs.Names), MemberType = typeof(BadInputs))]
    public async Task BadInput_AnswersItsScimError_AndTheServiceStaysHealthy(string name)
    {
        var input = BadInputs.All.Single(b => b.Name == name);
        var tenant = await TenantAsync();

        var response = await SendAsync(tenant, input);

        response.AssertError(input.Status, input.ScimType);
        using var health = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/healthz")).StatusCode);
        Assert.Equal(2, (await tenant.Scim.GetAsync("/Users?count=0")).TotalResults + (await tenant.Scim.GetAsync("/Groups?count=0")).TotalResults);
    }

    /// <summary>
    /// Issue 11, point 10: a connection once saw an unexpected DataRow after lone surrogates had failed inside Npgsql.
    /// Bad inputs are refused before they reach the database now; many rounds of them leave every pooled connection usable.
    /// </summary>
    [Fact]
    public async Task TheCorpusManyTimesOver_LeavesEveryQueryCorrect()
    {
        var tenant = await TenantAsync();
        var filters = BadInputs.All.Where(b => b.Path.Contains("filter", StringComparison.Ordinal) || b.Path.Contains(".search", StringComparison.Ordinal)).ToList();
        for (var round = 0; round < 20; round++)
        {
            await Task.WhenAll(filters.Select(async input => (await SendAsync(tenant, input)).AssertError(input.Status, input.ScimType)));
            var found = await tenant.Scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"corpus.user\""));
            Assert.Equal(HttpStatusCode.OK, found.Status);
            Assert.Equal(tenant.UserId, Assert.Single(found.Resources)!["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task IndexedNamesAtTheLimit_InAnyScript_AreStoredAndFound()
    {
        var tenant = await TenantAsync();
        // 512 characters of three UTF-8 bytes each: the longest name, in the widest encoding a BMP character has.
        var userName = string.Concat(Enumerable.Range(0, 512).Select(i => (char)(0x4E00 + (i * 37 % 20_000))));
        var groupName = new string('\u0800', 512);

        var user = await tenant.Scim.PostAsync("/Users", $$"""{"userName":"{{userName}}","externalId":"{{userName}}","displayName":"{{userName}}"}""");
        var group = await tenant.Scim.PostAsync("/Groups", $$"""{"displayName":"{{groupName}}","members":[{"value":"{{userName}}"}]}""");

        Assert.Equal(HttpStatusCode.Created, user.Status);
        Assert.Equal(HttpStatusCode.Created, group.Status);
        var found = await tenant.Scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"userName eq \"{userName}\""));
        Assert.Equal(user.Id, Assert.Single(found.Resources)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheLongestFilter_InThreeByteCharacters_FitsInAUrl()
    {
        var tenant = await TenantAsync();
        var prefix = "userName eq \"";
        var filter = prefix + new string('\u4E00', 4096 - prefix.Length - 1) + "\"";

        var response = await tenant.Scim.GetAsync("/Users?filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.TotalResults);
    }

    private sealed record Tenant(ScimClient Scim, string UserId, string GroupId);

    /// <summary>A tenant with a reference custom field, one user and one group for the corpus' paths.</summary>
    private async Task<Tenant> TenantAsync()
    {
        var scim = await factory.NewTenantAsync();
        using var admin = factory.Operator();
        var fields = await admin.PutAsJsonAsync($"/admin/v1/tenants/{scim.Tenant}/custom-fields", new { fields = new[] { new { name = "homepage", type = "reference" } } });
        Assert.Equal(HttpStatusCode.OK, fields.StatusCode);
        return new Tenant(scim, await scim.CreateUserAsync("corpus.user"), await scim.CreateGroupAsync("corpus group"));
    }

    private async Task<ScimResponse> SendAsync(Tenant tenant, BadInput input)
    {
        string Fill(string text) => text.Replace("{tenant}", tenant.Scim.Tenant, StringComparison.Ordinal)
            .Replace("{user}", tenant.UserId, StringComparison.Ordinal)
            .Replace("{group}", tenant.GroupId, StringComparison.Ordinal)
            .Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var body = input.Body is null ? null : System.Text.Encoding.UTF8.GetBytes(Fill(System.Text.Encoding.UTF8.GetString(input.Body)));
        // Bodies that are not UTF-8 go as they are; the placeholders are never in them.
        if (input.Body is not null && !IsUtf8(input.Body)) body = input.Body;
        void Content(HttpRequestMessage request)
        {
            if (body is null) return;
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        }
        if (input.Api == BadInputApi.Scim) return await tenant.Scim.SendAsync(input.Method, Fill(input.Path), null, configure: Content);
        using var admin = factory.Operator();
        using var message = new HttpRequestMessage(input.Method, Fill(input.Path));
        Content(message);
        using var response = await admin.SendAsync(message);
        return await ScimResponse.ReadAsync(response);
    }

    private static bool IsUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : BadInputCorpusTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : BadInputCorpusTests(factory);
}
