using Rapport.Trust.Recommendation;

namespace Rapport.Trust.Tests.Recommendation;

public sealed class TrustNetworkTests
{
    [Fact]
    public void Build_DropsSelfLoopsAndRepeats_AndIndexesBothDirections()
    {
        var network = TrustNetwork.Build(3, [(0, 1), (0, 1), (1, 1), (2, 1), (0, 2)]);

        Assert.Equal(3, network.EdgeCount);
        Assert.Equal([1, 2], network.TrusteesOf(0).ToArray());
        Assert.Equal([0, 2], network.TrustorsOf(1).ToArray());
        Assert.True(network.TrusteesOf(1).IsEmpty);
    }
}
