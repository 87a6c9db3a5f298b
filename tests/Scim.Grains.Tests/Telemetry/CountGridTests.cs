using Scim.Grains.Telemetry;

namespace Scim.Grains.Tests.Telemetry;

public sealed class CountGridTests
{
    private static CountGrid NewGrid() => new("kind", ["User", "Group"], "change", ["created", "deleted"]);

    [Fact]
    public void Totals_AreObservedByBothLabels_AndOnlyOnceCounted()
    {
        var grid = NewGrid();
        grid.Add(0, "created", 2);
        grid.Add(0, "created", 1);
        grid.Add(1, "deleted", 5);

        var observed = grid.Observe().Select(m => (m.Value, Tags: string.Join(",", m.Tags.ToArray().Select(t => $"{t.Key}={t.Value}")))).ToList();

        Assert.Equal([(3L, "kind=User,change=created"), (5L, "kind=Group,change=deleted")], observed);
    }

    [Fact]
    public void AValueNotInTheGrid_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewGrid().Add(0, "patched", 1));
    }

    [Fact]
    public void ConcurrentAdds_AreAllCounted()
    {
        var grid = NewGrid();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++) grid.Add(1, "created", 1);
        });

        Assert.Equal(80_000, Assert.Single(grid.Observe()).Value);
    }
}
