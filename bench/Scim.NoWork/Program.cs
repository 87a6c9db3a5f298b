using System.Text;

// The benchmark's ceiling: an ASP.NET Core server that answers every request the load generator sends with a response
// of the same shape and size as the service's, reading each body but doing none of the work (no parsing, no grain, no
// storage). The service's figures are held as ratios to this one, measured on the same machine in the same run.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

const string ScimJson = "application/scim+json";
var user = """
    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{id}","userName":"u1","name":{"givenName":"Bench","familyName":"User"},"emails":[{"value":"u1@bench.example","type":"work","primary":true}],"active":true,"groups":[],"meta":{"resourceType":"User","created":"2026-01-01T00:00:00Z","lastModified":"2026-01-01T00:00:00Z","version":"W/\"1\"","location":"http://127.0.0.1/scim/v2/t/Users/{id}"}}
    """;
var group = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"{id}","displayName":"bench group","members":[],"meta":{"resourceType":"Group","version":"W/\"1\""}}""";

static async Task<string> Drain(HttpRequest request)
{
    using var reader = new StreamReader(request.Body, Encoding.UTF8);
    return await reader.ReadToEndAsync();
}

static IResult Json(string body, int status = 200) => Results.Content(body, ScimJson, Encoding.UTF8, status);

string UserWithId(string id) => user.Replace("{id}", id, StringComparison.Ordinal);
string GroupWithId(string id) => group.Replace("{id}", id, StringComparison.Ordinal);

// A lookup's answer: one resource found.
static IResult ListOfOne(string resource) => Json(
    $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":1,"startIndex":1,"itemsPerPage":1,"Resources":[{{resource}}]}""");

// An OpenTelemetry collector that keeps nothing: where the telemetry benchmark sends the service's OTLP export.
app.MapPost("/v1/{signal}", async (HttpRequest r) => { await Drain(r); return Results.Ok(); });

// The operator and platform admin calls that set up a tenant: fixed answers with the members the load generator reads.
app.MapPost("/admin/v1/tenants", async (HttpRequest r) => { await Drain(r); return Json("{}", 201); });
app.MapGet("/admin/v1/tenants/{tenant}", () => Json("""{"platformGroupId":"platform"}"""));
app.MapPost("/admin/v1/tenants/{tenant}/users", async (HttpRequest r) => { await Drain(r); return Json("""{"id":"owner"}""", 201); });
app.MapPut("/admin/v1/tenants/{tenant}/connector", async (HttpRequest r) => { await Drain(r); return Json("{}"); });
app.MapPost("/admin/v1/tenants/{tenant}/admin-keys", async (HttpRequest r) => { await Drain(r); return Json("""{"key":"key"}""", 201); });
app.MapPost("/api/v1/tenants/{tenant}/scim/activate", () => Json("{}"));
app.MapPut("/api/v1/tenants/{tenant}/scim/settings", async (HttpRequest r) => { await Drain(r); return Json("{}"); });
app.MapPost("/api/v1/tenants/{tenant}/scim/tokens", async (HttpRequest r) => { await Drain(r); return Json("""{"token":"token"}""", 201); });

app.MapPost("/scim/v2/{tenant}/Users", async (HttpRequest r) => { await Drain(r); return Json(UserWithId(Guid.NewGuid().ToString()), 201); });
app.MapGet("/scim/v2/{tenant}/Users/{id}", (string id) => Json(UserWithId(id)));
app.MapGet("/scim/v2/{tenant}/Users", () => ListOfOne(UserWithId(Guid.NewGuid().ToString())));
app.MapPatch("/scim/v2/{tenant}/Users/{id}", async (HttpRequest r, string id) => { await Drain(r); return Json(UserWithId(id)); });
app.MapPost("/scim/v2/{tenant}/Groups", async (HttpRequest r) => { await Drain(r); return Json(GroupWithId(Guid.NewGuid().ToString()), 201); });
app.MapGet("/scim/v2/{tenant}/Groups/{id}", (string id) => Json(GroupWithId(id)));
app.MapGet("/scim/v2/{tenant}/Groups", () => ListOfOne(GroupWithId(Guid.NewGuid().ToString())));
app.MapPatch("/scim/v2/{tenant}/Groups/{id}", async (HttpRequest r) => { await Drain(r); return Results.NoContent(); });
app.MapGet("/readyz", () => "ready");

app.Run();
