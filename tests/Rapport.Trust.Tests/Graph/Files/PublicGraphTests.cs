using Rapport.Testing;
using Rapport.Trust.Graph.Files;

namespace Rapport.Trust.Tests.Graph.Files;

/// <summary>The shared public graphs load with the node and edge counts their README gives after its filters.</summary>
public sealed class PublicGraphTests
{
    [Theory]
    [InlineData(GraphData.BitcoinOtc, GraphFileFormat.SnapSigned, 5_573, 32_029, 3_563)]
    [InlineData(GraphData.BitcoinAlpha, GraphFileFormat.SnapSigned, 3_683, 22_650, 1_536)]
    [InlineData(GraphData.Advogato, GraphFileFormat.Konect, 5_155, 47_135, 0)]
    [InlineData(GraphData.WikiVote, GraphFileFormat.EdgeList, 7_115, 103_689, 0)]
    public void Load_WithAutoDetection_GivesTheReadmeCountsAfterFilters(string file, GraphFileFormat format, int nodes, int edges, int distrust)
    {
        var graph = GraphFile.Load(GraphData.File(file));

        Assert.Equal(format, graph.Format);
        Assert.Equal(nodes, graph.NodeCount);
        Assert.Equal(edges, graph.Trust.Length);
        Assert.Equal(distrust, graph.Distrust.Length);
        Assert.Equal(0, graph.DuplicatesReplaced);
        Assert.All(graph.Trust, e => Assert.True(e.From < nodes && e.To < nodes && e.From != e.To && e.Value is > 0f and <= 1f));
        Assert.All(graph.Distrust, e => Assert.True(e.Value is >= -1f and < 0f));
    }

    [Fact]
    public void Load_BitcoinOtc_MapsSparseIdsAndRatingsAsTheFileSays()
    {
        var graph = GraphFile.Load(GraphData.File(GraphData.BitcoinOtc));

        // First line: 6,2,4,1289241911.72836. Ids run to 6005 but become 0..5880 (308 nodes appear only in distrust).
        var first = graph.Trust[0];
        Assert.Equal((6L, 2L, 0.4f), (graph.OriginalIds[first.From], graph.OriginalIds[first.To], first.Value));
        Assert.Equal(5_881, graph.AllNodeCount);
        Assert.Equal(6_005, graph.OriginalIds.Max());
        Assert.Equal(graph.AllNodeCount, graph.OriginalIds.Distinct().Count());
    }

    [Fact]
    public void Load_Advogato_DropsTheSelfCertificationsAndKeepsTheThreeLevels()
    {
        var graph = GraphFile.Load(GraphData.File(GraphData.Advogato));

        Assert.Equal(3_992, graph.SelfLoopsDropped);
        Assert.Equal([0.6f, 0.8f, 1f], graph.Trust.Select(e => e.Value).Distinct().Order());
    }

    [Fact]
    public void Load_WikiVote_WithCrlfLines_IsUnweighted()
    {
        var graph = GraphFile.Load(GraphData.File(GraphData.WikiVote));

        Assert.All(graph.Trust, e => Assert.Equal(1f, e.Value));
        Assert.Equal(0, graph.SelfLoopsDropped);
    }
}
