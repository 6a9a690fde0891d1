using Rapport.Cli.Benchmarks;
using Rapport.Trust.Graph;

namespace Rapport.Cli.Tests.Benchmarks;

public sealed class QuerySourcesTests
{
    private static readonly StatementEdge[] Edges =
        [.. Enumerable.Range(0, 50).Select(i => new StatementEdge(i * 2, (i * 2) + 1, 1f, TopicIndex.General, EdgeScope.Public))];

    [Fact]
    public void Sample_DrawsDistinctNodesThatTrustSomeone_TheSameForASeed()
    {
        var sources = QuerySources.Sample(100, Edges, 20, seed: 4);

        Assert.Equal(20, sources.Distinct().Count());
        Assert.All(sources, s => Assert.Equal(0, s % 2));
        Assert.Equal(sources, QuerySources.Sample(100, Edges, 20, seed: 4));
        Assert.NotEqual(sources, QuerySources.Sample(100, Edges, 20, seed: 5));
    }

    [Fact]
    public void Sample_AskingForMoreThanThereAre_GivesEveryEligibleNodeOnce() =>
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i * 2), QuerySources.Sample(100, Edges, 1000, seed: 1).Order());
}
