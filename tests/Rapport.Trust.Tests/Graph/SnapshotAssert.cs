using Rapport.Trust.Graph;

namespace Rapport.Trust.Tests.Graph;

/// <summary>Asserts two snapshots hold the same layout, array by array (row sums bit for bit).</summary>
internal static class SnapshotAssert
{
    internal static void SameLayout(TrustSnapshot expected, TrustSnapshot actual)
    {
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        Assert.Equal(expected.EdgeCount, actual.EdgeCount);
        Same(expected.PublicTrust, actual.PublicTrust);
        Same(expected.PublicDistrust, actual.PublicDistrust);
        Same(expected.TopicTrust, actual.TopicTrust);
        Same(expected.TopicDistrust, actual.TopicDistrust);
        Same(expected.CommunityTrust, actual.CommunityTrust);
        Same(expected.CommunityDistrust, actual.CommunityDistrust);
        Same(expected.PrivateTrust, actual.PrivateTrust);
        Same(expected.PrivateDistrust, actual.PrivateDistrust);
        Assert.Equal(expected.RowFlags, actual.RowFlags);
    }

    private static void Same(DenseRows expected, DenseRows actual)
    {
        Assert.Equal(expected.Start, actual.Start);
        Assert.Equal(expected.Targets, actual.Targets);
        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(expected.Sums, actual.Sums);
    }

    private static void Same(KeyedRows expected, KeyedRows actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal(expected.Start, actual.Start);
        Assert.Equal(expected.Targets, actual.Targets);
        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(expected.Communities, actual.Communities);
    }
}
