using Rapport.Trust.Graph;
using Rapport.Trust.Graph.Synthetic;

namespace Rapport.Trust.Tests.Graph.Synthetic;

public sealed class PowerLawGraphTests
{
    [Fact]
    public void Generate_WithTheSameSeed_GivesTheSameGraph()
    {
        var first = PowerLawGraph.Generate(5_000, 50_000, seed: 7);
        var second = PowerLawGraph.Generate(5_000, 50_000, seed: 7);
        var other = PowerLawGraph.Generate(5_000, 50_000, seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Generate_GivesExactlyTheEdgeCount_DistinctSortedWithoutSelfLoops()
    {
        var edges = PowerLawGraph.Generate(2_000, 40_000, seed: 1);

        Assert.Equal(40_000, edges.Length);
        Assert.All(edges, e => Assert.True(e.From != e.To && e.From is >= 0 and < 2_000 && e.To is >= 0 and < 2_000));
        for (var i = 1; i < edges.Length; i++)
        {
            Assert.True((edges[i - 1].From, edges[i - 1].To).CompareTo((edges[i].From, edges[i].To)) < 0, $"edges {i - 1} and {i} are out of order or equal");
        }
    }

    [Fact]
    public void Generate_WeightsArePublicGeneralTrustInTenths()
    {
        var edges = PowerLawGraph.Generate(1_000, 10_000, seed: 3);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => i / 10f), edges.Select(e => e.Value).Distinct().Order());
        Assert.All(edges, e => Assert.Equal((TopicIndex.General, EdgeScope.Public), (e.Topic, e.Scope)));
    }

    [Fact]
    public void Generate_DegreesHaveAHeavyTailNearTheRequestedExponent()
    {
        const int nodes = 100_000;
        var edges = PowerLawGraph.Generate(nodes, 1_000_000, seed: 1);
        var inDegrees = new int[nodes];
        var outDegrees = new int[nodes];
        foreach (var e in edges)
        {
            outDegrees[e.From]++;
            inDegrees[e.To]++;
        }

        foreach (var degrees in new[] { inDegrees, outDegrees })
        {
            var sorted = degrees.OrderDescending().ToArray();
            // A hub far above the mean (10), a median below it, and the top 1% holding a large share: not a random graph.
            Assert.InRange(sorted[0], 1_000, 100_000);
            Assert.InRange(sorted[nodes / 2], 1, 9);
            Assert.InRange(sorted.Take(nodes / 100).Sum() / (double)edges.Length, 0.2, 0.6);
            Assert.InRange(HillExponent(sorted, minimumDegree: 20), 2.0, 2.6);
        }
    }

    [Fact]
    public void Generate_WithTooManyEdgesForTheNodes_Refuses() =>
        Assert.Throws<ArgumentException>(() => PowerLawGraph.Generate(10, 30, seed: 1));

    /// <summary>The maximum-likelihood power-law exponent of the degrees at or above the minimum (Clauset, Shalizi and Newman 2009, discrete approximation).</summary>
    private static double HillExponent(int[] degrees, int minimumDegree)
    {
        var tail = degrees.Where(d => d >= minimumDegree).ToArray();
        return 1 + (tail.Length / tail.Sum(d => Math.Log(d / (minimumDegree - 0.5))));
    }
}
