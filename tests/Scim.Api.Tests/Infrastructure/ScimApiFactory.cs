using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// The whole service (silo and API) in process, on free Orleans ports, shared by the HTTP tests of one storage
/// backend. Tests isolate themselves by creating their own tenant. Each backend is a subclass; settings go through
/// the host's configuration, never the process environment, so both backends run side by side.
/// </summary>
public abstract class ScimApiFactory : WebApplicationFactory<Program>
{
    public const string OperatorKey = "test-operator-key-0123456789abcdef";

    /// <summary>The one tenant with a tiny rate limit (1 call/s, burst 5), for the rate-limit tests.</summary>
    public const string ThrottledTenant = "throttled";

    /// <summary>Another tenant with the same tiny limit, so the rate-limit tests do not share a bucket.</summary>
    public const string ThrottledTenantForStrangers = "throttled-strangers";

    /// <summary>How many days the provisioning log keeps entries here (not the default 30, so tests see the setting read).</summary>
    public const int LogRetentionDays = 7;

    /// <summary>The storage backend, as test output shows it.</summary>
    public abstract string Backend { get; }

    protected virtual IEnumerable<KeyValuePair<string, string>> BackendSettings() => [];

    private string? origin;

    /// <summary>
    /// Serves on a real loopback port, for a browser, and starts the service; call before any request. The service's
    /// public base URL is then that origin, so the endpoint URL its pages show is one a client can call.
    /// </summary>
    public string ServeOnKestrel()
    {
        var port = int.Parse(FreePort(), CultureInfo.InvariantCulture);
        origin = $"http://localhost:{port}";
        UseKestrel(port);
        StartServer();
        return origin;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", FreePort());
        builder.UseSetting("Orleans:GatewayPort", FreePort());
        builder.UseSetting("Scim:OperatorKey", OperatorKey);
        builder.UseSetting("Scim:DemoTenant", "-");
        builder.UseSetting("Scim:MaxRequestBytes", "65536");
        builder.UseSetting("Scim:ProvisioningLog:RetentionDays", LogRetentionDays.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Scim:Mail:Host", "127.0.0.1");
        builder.UseSetting("Scim:Mail:Port", Inbox.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Scim:Mail:Security", "None");
        builder.UseSetting("Scim:Mail:From", "platform@service.example");
        builder.UseSetting("Scim:Mail:MaxPerSecond", "1000");
        builder.UseSetting("Scim:PublicBaseUrl", origin ?? "https://scim.test.example");
        // The test identity provider (Infrastructure/TestOidcProvider) serves plain http on loopback.
        builder.UseSetting("Scim:SingleSignOn:AllowLoopbackIssuers", "true");
        // The test provider runs in this process, which the whole suite keeps busy on two cores: give it time to answer.
        builder.UseSetting("Scim:SingleSignOn:BackchannelTimeoutSeconds", "20");
        // Development turns the Orleans dashboard on; only the tests of it want its statistics on every grain call.
        builder.UseSetting("Telemetry:Dashboard", "false");
        foreach (var tenant in new[] { ThrottledTenant, ThrottledTenantForStrangers })
        {
            builder.UseSetting($"Scim:RateLimits:Tenants:{tenant}:PermitsPerSecond", "1");
            builder.UseSetting($"Scim:RateLimits:Tenants:{tenant}:Burst", "5");
        }
        foreach (var (key, value) in BackendSettings()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Clients of this service's APIs, and the set-up of test tenants through them.</summary>
    public ServiceClients Clients => new(CreateClient, OperatorKey);

    public HttpClient Operator() => Clients.Operator();

    /// <summary>
    /// A browser of the platform's pages: cookies kept, redirects not followed, over https as the public address is
    /// (the service marks its cookies Secure then, and a browser sends them back only over https), or at the real port
    /// the service serves on for a browser.
    /// </summary>
    public BrowserClient Browser() => new(origin is null
        ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") })
        : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(origin) });

    /// <summary>The operator's group admin API for a tenant.</summary>
    public GroupAdminClient GroupAdmin(string tenant) => new(Operator(), tenant);

    /// <summary>The clock of the service: the system's, moved forward by tests that need time to pass (token overlaps).</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>The SMTP server the service sends its mail to.</summary>
    public TestInbox Inbox { get; } = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Inbox.Dispose();
    }

    /// <inheritdoc cref="ServiceClients.NewTenantAsync"/>
    public Task<ScimClient> NewTenantAsync(string identityProvider = "okta", string? id = null, bool keepOwner = false) =>
        Clients.NewTenantAsync(identityProvider, id, keepOwner);

    /// <inheritdoc cref="ServiceClients.NewMailingTenantAsync"/>
    public Task<ScimClient> NewMailingTenantAsync(bool sendTemporaryPassword = true) => Clients.NewMailingTenantAsync(sendTemporaryPassword);

    /// <inheritdoc cref="ServiceClients.NewInactiveTenantAsync"/>
    public Task<(string Id, string OwnerId, string OwnerEmail, string AdminKey)> NewInactiveTenantAsync(string? id = null) =>
        Clients.NewInactiveTenantAsync(id);

    public HttpClient PlatformAdmin(string adminKey) => Clients.PlatformAdmin(adminKey);

    public Task<string> IssueTokenAsync(string tenant, string identityProvider) => Clients.IssueTokenAsync(tenant, identityProvider);

    /// <summary>
    /// A free TCP port on loopback, never one handed out before in this run: the kernel may offer a port again once
    /// its probe closes, and two settings of one service on the same port stop it at start.
    /// </summary>
    public static string FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOutPorts.TryAdd(port, 0)) return port.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static readonly ConcurrentDictionary<int, byte> HandedOutPorts = new();
}
