using Npgsql;
using Orleans.Configuration;

namespace Scim.Api.Hosting;

/// <summary>
/// The settings silos and API clients must agree on to form one cluster: the cluster and service ids, and the
/// PostgreSQL connection string (<c>ConnectionStrings__Scim</c>; absent means single-node in-memory mode).
/// </summary>
public sealed record ClusterSettings(string? ConnectionString, string ClusterId, string ServiceId, TimeSpan ResponseTimeout)
{
    /// <summary>
    /// How long a grain call waits for its answer: a call caught on a silo that dies fails after this (and becomes a
    /// 503). Orleans' default of 30 s suits a WAN; a LAN cluster whose calls take milliseconds needs far less.
    /// </summary>
    public static readonly TimeSpan DefaultResponseTimeout = TimeSpan.FromSeconds(10);

    public const string ConnectionStringName = "Scim";

    /// <summary>The ADO.NET invariant of PostgreSQL for Orleans' clustering provider.</summary>
    public const string PostgresInvariant = "Npgsql";

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(ConnectionString);

    public static ClusterSettings From(IConfiguration configuration) => new(
        configuration.GetConnectionString(ConnectionStringName),
        configuration["Orleans:ClusterId"] ?? "scim",
        configuration["Orleans:ServiceId"] ?? "scim-directory",
        TimeSpan.FromSeconds(configuration.GetValue("Orleans:ResponseTimeoutSeconds", DefaultResponseTimeout.TotalSeconds)));

    public void Apply(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }

    public void Apply(MessagingOptions options) => options.ResponseTimeout = ResponseTimeout;

    /// <summary>
    /// The connection string for Orleans' own ADO.NET providers: a small pool of their own, since each provider and
    /// process opens its own pool and PostgreSQL's max_connections is shared by all of them.
    /// </summary>
    public string OrleansConnectionString() =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 8 }.ConnectionString;
}
