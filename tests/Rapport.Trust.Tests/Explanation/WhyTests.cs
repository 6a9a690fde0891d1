using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using static Rapport.Trust.Tests.Graph.Statements;

namespace Rapport.Trust.Tests.Explanation;

public sealed class WhyTests
{
    private const int Piloting = 1;

    // 0 → 1 (0.9), 1 → 3 (0.8), 0 → 2 (0.5), 2 → 3 (1.0), 1 → 2 (1.0)
    private static readonly TrustSnapshot Diamond = Snapshot(4, Public(0, 1, 0.9f), Public(1, 3, 0.8f), Public(0, 2, 0.5f), Public(2, 3, 1f), Public(1, 2, 1f));

    [Fact]
    public void Why_ListsTheStrongestPathsFirst_EvenWhenLonger()
    {
        var paths = TrustQueries.Why(Diamond, Perspective.Of(0), 0, target: 3);

        Assert.Equal([[0, 1, 2, 3], [0, 1, 3], [0, 2, 3]], paths.Select(Nodes));
        Assert.Equal([0.9f * 1f * 1f, 0.9f * 0.8f, 0.5f * 1f], paths.Select(p => p.Strength));
        Assert.Equal(new TrustHop(0, 1, 0.9f, 0), paths[0].Hops[0]);
    }

    [Fact]
    public void Why_KeepsToMaxHopsAndMaxPaths()
    {
        Assert.Equal([[0, 1, 3], [0, 2, 3]], TrustQueries.Why(Diamond, Perspective.Of(0), 0, 3, maxPaths: 3, maxHops: 2).Select(Nodes));
        Assert.Equal([[0, 1, 2, 3]], TrustQueries.Why(Diamond, Perspective.Of(0), 0, 3, maxPaths: 1).Select(Nodes));
        Assert.Empty(TrustQueries.Why(Diamond, Perspective.Of(0), 0, 3, maxPaths: 3, maxHops: 1));
    }

    [Fact]
    public void Why_BreaksTiesByFewerHopsThenNodeOrder()
    {
        var snapshot = Snapshot(4, Public(0, 2, 1f), Public(2, 3, 1f), Public(0, 1, 1f), Public(1, 3, 1f), Public(0, 3, 1f));

        var paths = TrustQueries.Why(snapshot, Perspective.Of(0), 0, 3, maxPaths: 5);

        Assert.Equal([[0, 3], [0, 1, 3], [0, 2, 3]], paths.Select(Nodes));
    }

    [Fact]
    public void Why_OnATopic_DiscountsFallbackHopsAndNamesTheirTopic()
    {
        var snapshot = Snapshot(3, Public(0, 1, 1f, Piloting), Public(1, 2, 0.8f));

        var path = Assert.Single(TrustQueries.Why(snapshot, Perspective.Of(0), Piloting, 2));

        Assert.Equal(0.4f, path.Strength);
        Assert.Equal([new TrustHop(0, 1, 1f, Piloting), new TrustHop(1, 2, 0.8f, TopicIndex.General)], path.Hops);
    }

    [Fact]
    public void Why_WithOptions_UsesTheirFallbackDiscount()
    {
        var snapshot = Snapshot(3, Public(0, 1, 1f, Piloting), Public(1, 2, 0.8f));
        var options = TrustQueryOptions.Default with { TopicFallbackDiscount = 0.25f };

        Assert.Equal(0.2f, Assert.Single(TrustQueries.Why(snapshot, Perspective.Of(0), Piloting, 2, options)).Strength);
        Assert.Equal(0.2f, TrustQueries.Level(snapshot, Perspective.Of(0), Piloting, 2, options));
    }

    [Fact]
    public void Why_FollowsOnlyTrustAndOnlyStatementsTheViewerMaySee()
    {
        var snapshot = Snapshot(5, Public(0, 1, 1f), Private(1, 2, 1f), Public(1, 3, -1f), InCommunity(6, 1, 4, 1f), Private(0, 4, 0.5f));

        Assert.Empty(TrustQueries.Why(snapshot, Perspective.Of(0), 0, 2));
        Assert.Empty(TrustQueries.Why(snapshot, Perspective.Of(0), 0, 3));
        Assert.Equal([[0, 4]], TrustQueries.Why(snapshot, Perspective.Of(0), 0, 4).Select(Nodes));
        Assert.Equal([[0, 1, 4], [0, 4]], TrustQueries.Why(snapshot, new Perspective(0, new[] { 6 }), 0, 4).Select(Nodes));
        Assert.Equal([[1, 2]], TrustQueries.Why(snapshot, Perspective.Of(1), 0, 2).Select(Nodes));
    }

    [Fact]
    public void Why_NeverRepeatsANode()
    {
        var snapshot = Snapshot(3, Public(0, 1, 1f), Public(1, 0, 1f), Public(1, 2, 0.1f));

        Assert.Equal([[0, 1, 2]], TrustQueries.Why(snapshot, Perspective.Of(0), 0, 2, maxPaths: 10, maxHops: 8).Select(Nodes));
    }

    [Fact]
    public void Why_OfTheViewerOrWithNoPaths_IsEmpty()
    {
        Assert.Empty(TrustQueries.Why(Diamond, Perspective.Of(0), 0, 0));
        Assert.Empty(TrustQueries.Why(Diamond, Perspective.Of(0), 0, 3, maxPaths: 0));
        Assert.Empty(TrustQueries.Why(Diamond, Perspective.Of(3), 0, 0));
    }

    [Fact]
    public void Why_WithLimitsOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrustQueries.Why(Diamond, Perspective.Of(0), 0, 3, maxHops: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrustQueries.Why(Diamond, Perspective.Of(0), 0, 4));
    }

    internal static int[] Nodes(TrustPath path) => [path.Hops[0].From, .. path.Hops.Select(h => h.To)];
}
