using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

/// <summary>Strings that stored entries repeat are kept once, up to a bound that strings sent by clients cannot pass.</summary>
public sealed class SharedStringsTests
{
    [Fact]
    public void AStringSeenBefore_IsAnsweredWithTheFirstInstance()
    {
        var shared = new SharedStrings();
        var first = shared.Share(new string("/scim/v2/t/Users".AsSpan()));

        var again = shared.Share(new string("/scim/v2/t/Users".AsSpan()));

        Assert.Same(first, again);
    }

    [Fact]
    public void PastCapacity_NewStringsAreKeptAsTheyCome_WhileThoseSharedBeforeStayShared()
    {
        var shared = new SharedStrings();
        var early = shared.Share("GET");
        for (var i = 1; i < SharedStrings.Capacity; i++) shared.Share($"/Users?filter=userName eq \"u{i}\"");

        var late = new string("POST".AsSpan());
        shared.Share(late);

        Assert.NotSame(shared.Share(new string("POST".AsSpan())), late);
        Assert.Same(early, shared.Share(new string("GET".AsSpan())));
    }

    [Fact]
    public void StringsSharedFromManyThreadsAtOnce_StayWithinCapacity()
    {
        var shared = new SharedStrings();

        Parallel.For(0, 4 * SharedStrings.Capacity, i => shared.Share($"s{i}"));

        var kept = Enumerable.Range(0, 4 * SharedStrings.Capacity).Count(i =>
        {
            var copy = $"s{i}";
            return !ReferenceEquals(shared.Share(copy), copy);
        });
        Assert.Equal(SharedStrings.Capacity, kept);
    }
}
