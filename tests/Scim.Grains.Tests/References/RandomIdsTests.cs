using System.Collections.Concurrent;
using Scim.Grains.Interfaces.References;

namespace Scim.Grains.Tests.References;

public sealed class RandomIdsTests
{
    [Fact]
    public void ANewId_IsAVersion4GuidOfTheRfcVariant()
    {
        for (var i = 0; i < 1000; i++)
        {
            var id = RandomIds.NewGuid();
            Assert.Equal(4, id.Version);
            Assert.Equal(0b10, id.Variant >> 2);
            Assert.Equal(id.ToString(), Guid.Parse(id.ToString()).ToString());
        }
    }

    [Fact]
    public void Ids_AreDistinct_AcrossManyPagesAndThreads()
    {
        var seen = new ConcurrentDictionary<Guid, bool>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5000; i++) Assert.True(seen.TryAdd(RandomIds.NewGuid(), true));
        });

        Assert.Equal(40_000, seen.Count);
    }

    [Fact]
    public void Ids_SpreadOverEveryRandomBit()
    {
        // 122 of a GUID's bits are random: over many ids each of them is set in about half.
        var ones = new int[128];
        const int draws = 4000;
        for (var i = 0; i < draws; i++)
        {
            var bytes = RandomIds.NewGuid().ToByteArray();
            for (var bit = 0; bit < 128; bit++) ones[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
        }

        var fixedBits = new[] { 7 * 8 + 4, 7 * 8 + 5, 7 * 8 + 6, 7 * 8 + 7, 8 * 8 + 6, 8 * 8 + 7 };
        Assert.All(Enumerable.Range(0, 128).Except(fixedBits), bit => Assert.InRange(ones[bit], draws * 4 / 10, draws * 6 / 10));
    }
}
