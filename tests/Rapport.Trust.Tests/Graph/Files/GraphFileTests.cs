using Rapport.Trust.Graph.Files;

namespace Rapport.Trust.Tests.Graph.Files;

public sealed class GraphFileTests
{
    private static LoadedGraph Read(string text, GraphFileFormat format) => GraphFile.Read(new StringReader(text), format);

    [Fact]
    public void Read_SnapSigned_KeepsTrustAndDistrustApartWithDenseIds()
    {
        var graph = Read("100,7,10,1.5\n7,100,-3,2\n7,55,5,3\n", GraphFileFormat.SnapSigned);

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal([100L, 7, 55], graph.OriginalIds);
        Assert.Equal([(0, 1, 1f), (1, 2, 0.5f)], graph.Trust.Select(e => (e.From, e.To, e.Value)));
        Assert.Equal((1, 0, -0.3f), graph.Distrust.Select(e => (e.From, e.To, e.Value)).Single());
    }

    [Fact]
    public void Read_DistrustOnlyNodes_ComeAfterTheTrustGraph()
    {
        var graph = Read("1,2,4,0\n3,1,-10,0\n", GraphFileFormat.SnapSigned);

        Assert.Equal(2, graph.NodeCount);
        Assert.Equal(3, graph.AllNodeCount);
        Assert.Equal((2, 0), graph.Distrust.Select(e => (e.From, e.To)).Single());
    }

    [Fact]
    public void Read_KonectWithCommentsAndNamedHeader_ReadsWeightsAndDropsSelfLoops()
    {
        var graph = Read("% sym unweighted\n% 3 3\nsource_id target_id trust_value\n1 1 .8\n1 2 1\n2 3 .6 1234\n", GraphFileFormat.Konect);

        Assert.Equal([(0, 1, 1f), (1, 2, 0.6f)], graph.Trust.Select(e => (e.From, e.To, e.Value)));
        Assert.Equal(1, graph.SelfLoopsDropped);
    }

    [Fact]
    public void Read_EdgeListWithCrlfTabsAndSpaceRuns_IsUnweighted()
    {
        var graph = Read("# Directed graph\r\n# FromNodeId\tToNodeId\r\n30\t1412\r\n30   3352 \r\n\r\n3352\t30\r\n", GraphFileFormat.EdgeList);

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal([(0, 1), (0, 2), (2, 0)], graph.Trust.Select(e => (e.From, e.To)));
        Assert.All(graph.Trust, e => Assert.Equal(1f, e.Value));
    }

    [Fact]
    public void Read_RepeatedPair_KeepsTheLaterValueInTheFirstPlace()
    {
        var graph = Read("1 2 0.5\n2 3 1\n1 2 -0.5\n", GraphFileFormat.EdgeList);

        // 1 -> 2 turned into distrust, so only 2 -> 3 is trust, and 1 joins after the trust graph.
        Assert.Equal(1, graph.DuplicatesReplaced);
        Assert.Equal([2L, 3, 1], graph.OriginalIds);
        Assert.Equal((0, 1, 1f), graph.Trust.Select(e => (e.From, e.To, e.Value)).Single());
        Assert.Equal((2, 0, -0.5f), graph.Distrust.Select(e => (e.From, e.To, e.Value)).Single());
    }

    [Theory]
    [InlineData(GraphFileFormat.SnapSigned, "1,2,3,4\n1,2,11,5\n", 2, "rating '11' must be an integer in -10..-1 or 1..10")]
    [InlineData(GraphFileFormat.SnapSigned, "1,2,3,4\n\n3,4,0,5\n", 3, "rating '0'")]
    [InlineData(GraphFileFormat.SnapSigned, "1,2,3,4\n5,6\n", 2, "expected SOURCE,TARGET,RATING[,TIME] but found 2")]
    [InlineData(GraphFileFormat.SnapSigned, "1,2,3,4\nx,6,1,0\n", 2, "'x' is not an integer node id")]
    [InlineData(GraphFileFormat.Konect, "source target weight\n1 2 .6\n3 4 1.5\n", 3, "weight '1.5' must be a number in [-1, 1] other than 0")]
    [InlineData(GraphFileFormat.Konect, "1 2 .6\nsource target weight\n", 2, "'source' is not an integer node id")]
    [InlineData(GraphFileFormat.Konect, "1 2 .6 7 8\n", 1, "expected SRC DST [WEIGHT [TIME]] but found 5")]
    [InlineData(GraphFileFormat.EdgeList, "# c\r\n1\t2\r\n3\r\n", 3, "expected FROM TO [WEIGHT] but found 1")]
    [InlineData(GraphFileFormat.EdgeList, "1 2 NaN\n", 1, "weight 'NaN'")]
    [InlineData(GraphFileFormat.EdgeList, "1 2\n3 4.5\n", 2, "'4.5' is not an integer node id")]
    public void Read_MalformedLine_NamesTheLineAndTheProblem(GraphFileFormat format, string text, int line, string problem)
    {
        var error = Assert.Throws<GraphFormatException>(() => Read(text, format));

        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BinaryGarbage_ShowsOnlyTheStartOfTheField()
    {
        var error = Assert.Throws<GraphFormatException>(() => Read(new string('z', 500) + " 1\n", GraphFileFormat.EdgeList));

        Assert.True(error.Message.Length < 120, error.Message);
    }

    [Theory]
    [InlineData("soc-sign-bitcoinotc.csv", "6,2,4,1289241911.72836", GraphFileFormat.SnapSigned)]
    [InlineData("ratings.txt", "6,2,4,1289241911.72836", GraphFileFormat.SnapSigned)]
    [InlineData("advogato.out", "source_id target_id trust_value", GraphFileFormat.Konect)]
    [InlineData("out.advogato", "1 2 .8", GraphFileFormat.Konect)]
    [InlineData("graph.tsv", "% asym positive", GraphFileFormat.Konect)]
    [InlineData("trust.txt", "from to weight", GraphFileFormat.Konect)]
    [InlineData("wiki-Vote.txt", "# Directed graph (each unordered pair of nodes is saved once): Wiki-Vote.txt", GraphFileFormat.EdgeList)]
    [InlineData("edges", "1 2", GraphFileFormat.EdgeList)]
    [InlineData("empty.txt", null, GraphFileFormat.EdgeList)]
    public void Detect_UsesTheNameAndFirstLine(string path, string? firstLine, GraphFileFormat expected) =>
        Assert.Equal(expected, GraphFile.Detect(path, firstLine));
}
