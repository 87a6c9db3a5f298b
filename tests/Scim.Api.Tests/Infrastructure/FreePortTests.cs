namespace Scim.Api.Tests.Infrastructure;

public class FreePortTests
{
    [Fact]
    public void FreePort_NeverHandsOutTheSamePortTwice()
    {
        var ports = Enumerable.Range(0, 500).Select(_ => ScimApiFactory.FreePort()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }
}
