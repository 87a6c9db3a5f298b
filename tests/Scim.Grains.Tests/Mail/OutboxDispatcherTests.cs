using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Mail;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;
using Scim.Grains.Telemetry;
using Scim.Grains.Tests.Grains;
using Scim.Grains.Tests.Storage;

namespace Scim.Grains.Tests.Mail;

/// <summary>Two dispatchers over one outbox, as on two silos, with sends slow enough that a batch outlasts its lease.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OutboxDispatcherTests(ClusterFixture fixture)
{
    private static readonly RenderOptions Render = new("http://test/scim/v2/t");
    private static readonly TimeSpan SendTime = TimeSpan.FromMilliseconds(500);
    private const int LeaseSeconds = 4;

    [Fact]
    public Task ABatchSlowerThanItsLease_HandsItsRestBack_SoEachMessageGoesOutOnce_OnOneAttempt_InMemory() =>
        EachMessageGoesOutOnceAsync(new InMemoryResourceStore());

    [Fact]
    public async Task ABatchSlowerThanItsLease_HandsItsRestBack_SoEachMessageGoesOutOnce_OnOneAttempt_OnPostgres()
    {
        await using var database = await MigratedDatabase.CreateAsync();
        await EachMessageGoesOutOnceAsync(new PostgresOutboxStore(database.DataSource));
    }

    private async Task EachMessageGoesOutOnceAsync(IOutboxStore outbox)
    {
        var tenant = "d-" + Guid.NewGuid().ToString("N")[..10];
        var (addresses, userIds) = (new List<string>(), new List<string>());
        // One batch of these takes ten seconds to send, more than twice the lease.
        for (var i = 0; i < OutboxDispatcher.BatchSize; i++)
        {
            var address = $"slow{i}@mail.example";
            var (_, created) = await NewUsers.CreateAsync(fixture.Cluster.GrainFactory, tenant,
                $$"""{"userName":"{{address}}","emails":[{"value":"{{address}}","primary":true}]}""", Render);
            var message = OutboxMessage.New(tenant, created.Id, MailKind.TemporaryPassword, DateTimeOffset.UtcNow);
            await outbox.EnqueueAsync(message, CancellationToken.None);
            addresses.Add(address);
            userIds.Add(created.Id);
        }
        var sender = new RecordingMailSender();
        var dispatchers = Enumerable.Range(0, 2).Select(_ => Dispatcher(outbox, new SlowMailSender(sender))).ToList();

        foreach (var dispatcher in dispatchers) await dispatcher.StartAsync(CancellationToken.None);
        await sender.WaitUntilEachHasMailAsync(addresses, TimeSpan.FromSeconds(60));
        // Long enough for a second send of any message still leased elsewhere to land.
        await Task.Delay(SendTime * 3);
        foreach (var dispatcher in dispatchers) await dispatcher.StopAsync(CancellationToken.None);

        Assert.All(addresses, a => Assert.Equal(1, sender.CountTo(a)));
        var states = await outbox.LatestAsync(tenant, userIds, CancellationToken.None);
        Assert.Equal(userIds.Count, states.Count);
        Assert.All(states.Values, state => Assert.Equal((MailStatus.Sent, 1), (state.Status, state.Attempts)));
    }

    private OutboxDispatcher Dispatcher(IOutboxStore outbox, IMailSender sender) => new(outbox, fixture.Store,
        fixture.Cluster.GrainFactory, sender, Options.Create(new MailOptions { LeaseSeconds = LeaseSeconds, MaxPerSecond = 1000 }),
        TimeProvider.System, new ProvisioningMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()),
        NullLogger<OutboxDispatcher>.Instance);

    private sealed class SlowMailSender(IMailSender inner) : IMailSender
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(SendTime, cancellationToken);
            await inner.SendAsync(message, cancellationToken);
        }
    }
}
