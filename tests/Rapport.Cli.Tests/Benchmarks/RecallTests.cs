using Rapport.Cli.Benchmarks;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Tests.Benchmarks;

public sealed class RecallTests
{
    private static TopLists Lists(int width, params int[][] lists) =>
        TopLists.From([.. lists.Select(l => (IReadOnlyList<ScoredNode>)[.. l.Select((node, rank) => new ScoredNode(node, 1f - (rank * 0.01f)))])], width);

    private static readonly int[] OneToSixteen = [.. Enumerable.Range(1, 16)];

    [Fact]
    public void AtTen_SameTopTen_IsOne() =>
        Assert.Equal(new Recall(1, 1, 1), Recall.AtTen(Lists(10, OneToSixteen[..10]), Lists(16, OneToSixteen)));

    [Fact]
    public void AtTen_HalfTheTopTen_IsAHalf_AndTheWorstQueryIsReported()
    {
        var found = Lists(10, OneToSixteen[..10], [1, 2, 3, 4, 5, 11, 12, 13, 14, 15]);

        Assert.Equal(new Recall(0.75, 0.5, 2), Recall.AtTen(found, Lists(16, OneToSixteen, OneToSixteen)));
    }

    [Fact]
    public void AtTen_ANodeTiedWithTheTenth_Counts()
    {
        var reference = TopLists.From([[.. Enumerable.Range(1, 9).Select(n => new ScoredNode(n, 1f)), new ScoredNode(10, 0.5f), new ScoredNode(11, 0.5f), new ScoredNode(12, 0.25f)]], 16);

        Assert.Equal(1.0, Recall.AtTen(Lists(10, [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]), reference)!.Value.Mean);
        Assert.Equal(0.9, Recall.AtTen(Lists(10, [1, 2, 3, 4, 5, 6, 7, 8, 9, 12]), reference)!.Value.Mean);
    }

    [Fact]
    public void AtTen_AShortReference_IsMetByFindingAllOfIt() =>
        Assert.Equal(1.0, Recall.AtTen(Lists(10, [7, 3, 9]), Lists(16, [3, 7, 9]))!.Value.Mean);

    [Fact]
    public void AtTen_WhenNoQueryHasAReference_IsNull() =>
        Assert.Null(Recall.AtTen(Lists(10, [1, 2]), Lists(16, [])));
}
