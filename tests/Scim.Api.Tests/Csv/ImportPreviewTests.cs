using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Csv;

/// <summary>The users import's preview through the real pipeline: each row's action by SCIM's rules, and whole files refused.</summary>
public abstract class ImportPreviewTests(ScimApiFactory factory)
{
    private static HttpContent Csv(string text) => new StringContent(text, Encoding.UTF8, "text/csv");

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PreviewAsync(HttpClient admin, string tenant, HttpContent file)
    {
        using var response = await admin.PostAsync($"/api/v1/tenants/{tenant}/imports/preview", file);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<string> PlatformUserAsync(string tenant, string email)
    {
        using var created = await factory.Operator().PostAsync($"/admin/v1/tenants/{tenant}/users",
            new StringContent($$"""{"email":"{{email}}","role":"user"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    [Fact]
    public async Task APreview_SaysWhatEachRowWouldDo_BySCIMsRules_AndChangesNothing()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var same = await PlatformUserAsync(scim.Tenant, "same@example.com");
        var renamed = await PlatformUserAsync(scim.Tenant, "renamed@example.com");
        var leaving = await PlatformUserAsync(scim.Tenant, "leaving@example.com");
        await scim.CreateUserAsync("fromidp@example.com");
        await scim.CreateGroupAsync("Teachers");
        var before = (await scim.GetAsync("/Users?count=0")).TotalResults;
        using var admin = factory.PlatformAdmin(scim.AdminKey);

        var (status, body) = await PreviewAsync(admin, scim.Tenant, Csv($"""
            userName,email,givenName,active,groups
            new@example.com,new@example.com,Nia,true,Teachers
            {same},{same},,,
            {renamed},,Renata,,
            {leaving},,,false,
            fromidp@example.com,,Changed,,
            maybe@example.com,,,perhaps,
            NEW@example.com,,,,
            nogroup@example.com,,,,Nope
            ,,Nobody,,
            """));
        var rows = body!["rows"]!.AsArray().Concat(body["refused"]!.AsArray())
            .ToDictionary(r => r!["line"]!.GetValue<int>(), r => (Action: r!["action"]!.GetValue<string>(), Reason: r["reason"]?.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("create", "unchanged", "update", "deactivate"), (rows[2].Action, rows[3].Action, rows[4].Action, rows[5].Action));
        Assert.Equal("refused", rows[6].Action);
        Assert.Contains("identity provider manages this user", rows[6].Reason);
        Assert.Contains("'active' must be a boolean", rows[7].Reason);
        Assert.Equal("Line 2 has the same userName.", rows[8].Reason);
        Assert.Equal("No group is named 'Nope'.", rows[9].Reason);
        Assert.Equal("The row has neither a userName nor an email.", rows[10].Reason);
        Assert.Equal(5, body["counts"]!["refused"]!.GetValue<int>());
        Assert.Equal(before, (await scim.GetAsync("/Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task CustomFields_AreReadByNameOrFullName_WithTheirTypesChecked()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var fields = await factory.Operator().PutAsync($"/admin/v1/tenants/{scim.Tenant}/custom-fields", new StringContent(
            """{"fields":[{"name":"badge","type":"integer"},{"name":"costCenter","type":"string"}]}""", Encoding.UTF8, "application/json"));
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var urn = $"urn:ietf:params:scim:schemas:extension:{scim.Tenant}:2.0:User";

        var (status, body) = await PreviewAsync(admin, scim.Tenant, Csv($"""
            email,badge,{urn}:costCenter
            a@example.com,7,east
            b@example.com,seven,west
            """));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("create", body!["rows"]![0]!["action"]!.GetValue<string>());
        Assert.Contains("badge", body["refused"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal(3, body["refused"]![0]!["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFileThatIsNotCsv_NotUtf8_WithoutAHeader_OrWithAnUnknownColumn_IsRefusedAsAWhole()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var spreadsheet = new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
        var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes("email,givenName\r\nj@example.com,J\u00e9r\u00f4me\r\n"));

        var binary = await PreviewAsync(admin, scim.Tenant, spreadsheet);
        var wrongEncoding = await PreviewAsync(admin, scim.Tenant, latin1);
        var noHeader = await PreviewAsync(admin, scim.Tenant, Csv("a@example.com,Ada\nb@example.com,Bob\n"));
        var unknown = await PreviewAsync(admin, scim.Tenant, Csv("email,shoeSize\na@example.com,9\n"));
        var empty = await PreviewAsync(admin, scim.Tenant, Csv(""));

        Assert.All(new[] { binary, wrongEncoding, noHeader, unknown, empty }, r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.Contains("not CSV", binary.Body!["detail"]!.GetValue<string>());
        Assert.Contains("Line 2 is not UTF-8", wrongEncoding.Body!["detail"]!.GetValue<string>());
        Assert.Contains("header naming the columns", noHeader.Body!["detail"]!.GetValue<string>());
        Assert.Contains("shoeSize", unknown.Body!["detail"]!.GetValue<string>());
        Assert.Contains("empty", empty.Body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A200MegabyteFile_IsRefusedWith413_BeforeItIsRead()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var file = new StreamContent(new RepeatedRows(200L * 1024 * 1024));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var (status, body) = await PreviewAsync(admin, scim.Tenant, file);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than 100 MB", body!["detail"]!.GetValue<string>());
    }

    /// <summary>A users file of the given size, made as it is read: a header, then the same kind of row again and again.</summary>
    private sealed class RepeatedRows(long size) : Stream
    {
        private long position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var take = (int)Math.Min(count, size - position);
            for (var i = 0; i < take; i++) buffer[offset + i] = position + i < 6 ? (byte)"email\n"[(int)(position + i)] : (byte)((position + i) % 50 == 49 ? '\n' : 'a');
            position += take;
            return take;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => size;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : ImportPreviewTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : ImportPreviewTests(factory);
}
