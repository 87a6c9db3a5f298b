using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Core.Internal;
using Orleans.TestingHost;
using Scim.Grains.Resources;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Tests.Grains;

namespace Scim.Grains.Tests.Resources;

/// <summary>
/// Each silo's epochs of a tenant's groups, on two silos: the announcer of the tenant's group changes lives on one, so
/// one silo hears of a change in process and the other through a grain call. Races with the announcer's answers are
/// played against a stand-in announcer that answers when the test says.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupsEpochsTests(ClusterFixture fixture)
{
    private readonly GroupsEpochs[] silos = [.. fixture.Cluster.Silos.Select(silo =>
        ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<GroupsEpochs>())];

    private static string NewTenant() => $"epochs-{Guid.NewGuid():N}";

    private async Task<long[]> CurrentAsync(string tenant) => [.. await Task.WhenAll(silos.Select(silo => silo.CurrentAsync(tenant).AsTask()))];

    private static void AssertNewOnEverySilo(long[] before, long[] after) =>
        Assert.All(before.Zip(after), pair => Assert.NotEqual(pair.First, pair.Second));

    [Fact]
    public async Task AChangeAcknowledged_HasBegunANewEpochOnEverySilo()
    {
        var tenant = NewTenant();
        var before = await CurrentAsync(tenant);

        await fixture.Cluster.GrainFactory.GetGrain<IGroupsEpochGrain>(tenant).AdvanceAsync();

        AssertNewOnEverySilo(before, await CurrentAsync(tenant));
    }

    [Fact]
    public async Task AnEpoch_StaysWhileNothingChanges_AcrossRenewedLeases()
    {
        var tenant = NewTenant();
        var first = await CurrentAsync(tenant);

        // Reads every tenth of a lease for two leases: each silo renews its lease a few times meanwhile.
        for (var read = 0; read < 20; read++)
        {
            await Task.Delay(GroupsEpochs.Lease / 10);
            Assert.Equal(first, await CurrentAsync(tenant));
        }
    }

    [Fact]
    public async Task ALeaseRenewedAfterItRanOut_IsKept_WhenNoChangeWasAnnouncedMeanwhile()
    {
        // A busy silo's renewal that arrives late.
        var (announcer, receiver, reference) = await LeasedThenRunOutAsync();

        Assert.True(await announcer.LeaseAsync(reference), "A late renewal with nothing announced meanwhile was taken as a lapse.");
        GC.KeepAlive(receiver);
    }

    [Fact]
    public async Task ALeaseRenewedAfterItRanOut_IsNotKept_WhenAChangeWasAnnouncedMeanwhile()
    {
        var (announcer, receiver, reference) = await LeasedThenRunOutAsync();

        await announcer.AdvanceAsync();

        Assert.Equal(0, receiver.Advances);
        Assert.False(await announcer.LeaseAsync(reference), "A renewal after a change it was not told of was taken as kept.");
        GC.KeepAlive(receiver);
    }

    /// <summary>A silo's lease of a new tenant's announcements, granted and then left to run out.</summary>
    private async Task<(IGroupsEpochGrain Announcer, CountingReceiver Receiver, IGroupsEpochObserver Reference)> LeasedThenRunOutAsync()
    {
        var announcer = fixture.Cluster.GrainFactory.GetGrain<IGroupsEpochGrain>(NewTenant());
        var receiver = new CountingReceiver();
        var reference = fixture.Cluster.Client.CreateObjectReference<IGroupsEpochObserver>(receiver);
        await announcer.LeaseAsync(reference);
        await Task.Delay(GroupsEpochs.Lease + TimeSpan.FromMilliseconds(200));
        return (announcer, receiver, reference);
    }

    [Fact]
    public async Task AChangeAfterTheAnnouncerStopped_HasBegunANewEpochOnEverySilo()
    {
        var tenant = NewTenant();
        var announcer = fixture.Cluster.GrainFactory.GetGrain<IGroupsEpochGrain>(tenant);
        var before = await CurrentAsync(tenant);

        // Its next activation has leased to no one, yet the silos' leases from this one have not run out.
        await announcer.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await announcer.AdvanceAsync();

        AssertNewOnEverySilo(before, await CurrentAsync(tenant));
    }

    [Fact]
    public async Task OnALoneSilo_AChangeAfterTheAnnouncerStopped_HasBegunANewEpoch()
    {
        // A lone silo's next activation does not wait for earlier leases to run out: the lease must have ended.
        var cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<LoneSilo>().Build();
        await cluster.DeployAsync();
        try
        {
            var epochs = ((InProcessSiloHandle)cluster.Primary!).SiloHost.Services.GetRequiredService<GroupsEpochs>();
            var tenant = NewTenant();
            var announcer = cluster.GrainFactory.GetGrain<IGroupsEpochGrain>(tenant);
            var before = await epochs.CurrentAsync(tenant);

            await announcer.Cast<IGrainManagementExtension>().DeactivateOnIdle();
            await announcer.AdvanceAsync();

            Assert.NotEqual(before, await epochs.CurrentAsync(tenant));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task AChange_WaitsOutTheLatestLeaseOfASiloThatDoesNotAnswer_ThenIsAcknowledged()
    {
        var announcer = fixture.Cluster.GrainFactory.GetGrain<IGroupsEpochGrain>(NewTenant());
        var silent = new SilentReceiver();
        var receiver = fixture.Cluster.Client.CreateObjectReference<IGroupsEpochObserver>(silent);
        await announcer.LeaseAsync(receiver);

        var change = announcer.AdvanceAsync();
        await silent.Announced.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Renewed while the announcement goes unanswered, well before the first lease runs out.
        await Task.Delay(GroupsEpochs.Lease / 4);
        var renewed = Stopwatch.GetTimestamp();
        Assert.True(await announcer.LeaseAsync(receiver), "The renewal came after the first lease ran out.");
        await change.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(Stopwatch.GetElapsedTime(renewed) >= GroupsEpochs.Lease);
        GC.KeepAlive(silent);
    }

    [Fact]
    public async Task ALeaseEndedWhileItsGrantWasOnTheWay_IsNotTakenAsHeld()
    {
        // The announcer grants a lease, then stops and ends it before the grant's answer arrives.
        var announcer = new HeldAnnouncer();
        var epochs = new GroupsEpochs(GrainFactoryOf(announcer), TimeProvider.System, NullLogger<GroupsEpochs>.Instance);
        var tenant = NewTenant();
        var first = epochs.CurrentAsync(tenant).AsTask();
        await announcer.Asked.Task;
        await epochs.LeaseEndedAsync(tenant);
        announcer.Answer.SetResult(true);
        await first;

        // The next read leases again, from the announcer's next activation.
        announcer.Reset(answer: false);
        var second = epochs.CurrentAsync(tenant).AsTask();

        await announcer.Asked.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotEqual(await first, await second);
    }

    [Fact]
    public async Task AnUnreachableAnnouncer_BeginsANewEpochOnEachRead_AndIsLoggedOnceUntilALeaseIsGranted()
    {
        var announcer = new HeldAnnouncer();
        var log = new WarningCount();
        var epochs = new GroupsEpochs(GrainFactoryOf(announcer), TimeProvider.System, log);
        var tenant = NewTenant();

        announcer.Reset(new TimeoutException("unreachable"));
        var whileUnreachable = new List<long>();
        for (var read = 0; read < 3; read++) whileUnreachable.Add(await epochs.CurrentAsync(tenant));
        announcer.Reset(answer: false);
        await epochs.CurrentAsync(tenant);
        await epochs.LeaseEndedAsync(tenant);
        announcer.Reset(new TimeoutException("unreachable again"));
        await epochs.CurrentAsync(tenant);

        Assert.Equal(3, whileUnreachable.Distinct().Count());
        Assert.Equal(2, log.Warnings);
    }

    /// <summary>An announcer whose lease answers the test gives, one call at a time.</summary>
    private sealed class HeldAnnouncer : IGroupsEpochGrain
    {
        public TaskCompletionSource<bool> Asked { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<bool> Answer { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>From now on every lease is answered with <paramref name="answer"/>.</summary>
        public void Reset(bool answer)
        {
            Renew();
            Answer.SetResult(answer);
        }

        /// <summary>From now on every lease fails with <paramref name="failure"/>.</summary>
        public void Reset(Exception failure)
        {
            Renew();
            Answer.SetException(failure);
        }

        private void Renew()
        {
            Asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public Task<bool> LeaseAsync(IGroupsEpochObserver observer)
        {
            Asked.TrySetResult(true);
            return Answer.Task;
        }

        public Task AdvanceAsync() => Task.CompletedTask;
    }

    /// <summary>A silo that hears announcements and never answers them.</summary>
    private sealed class SilentReceiver : IGroupsEpochObserver
    {
        public TaskCompletionSource Announced { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task AdvancedAsync(string tenant)
        {
            Announced.TrySetResult();
            return new TaskCompletionSource().Task;
        }

        public Task LeaseEndedAsync(string tenant) => Task.CompletedTask;
    }

    /// <summary>A silo that counts the changes announced to it.</summary>
    private sealed class CountingReceiver : IGroupsEpochObserver
    {
        private int advances;

        public int Advances => Volatile.Read(ref advances);

        public Task AdvancedAsync(string tenant)
        {
            Interlocked.Increment(ref advances);
            return Task.CompletedTask;
        }

        public Task LeaseEndedAsync(string tenant) => Task.CompletedTask;
    }

    /// <summary>A grain factory that hands out <paramref name="announcer"/> and refers to observers as themselves.</summary>
    private static IGrainFactory GrainFactoryOf(IGroupsEpochGrain announcer)
    {
        var factory = DispatchProxy.Create<IGrainFactory, GrainFactoryProxy>();
        ((GrainFactoryProxy)(object)factory).Announcer = announcer;
        return factory;
    }

    public class GrainFactoryProxy : DispatchProxy
    {
        internal IGroupsEpochGrain Announcer { get; set; } = null!;

        protected override object? Invoke(MethodInfo? method, object?[]? args) => method?.Name switch
        {
            nameof(IGrainFactory.GetGrain) => Announcer,
            nameof(IGrainFactory.CreateObjectReference) => args![0],
            _ => throw new NotSupportedException(method?.Name),
        };
    }

    private sealed class WarningCount : ILogger<GroupsEpochs>
    {
        public int Warnings { get; private set; }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Warnings++;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    }

    private sealed class LoneSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddScimInMemoryStorage();
    }
}
