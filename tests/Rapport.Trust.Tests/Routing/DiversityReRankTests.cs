using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

public sealed class DiversityReRankTests
{
    // Candidates 1 and 2 trust the same circle {5, 6}; 3 trusts 7. Expertise: 1 > 2 > 3 (2 and 3 close).
    private static RoutingSignals Signals(RoutingOptions options)
    {
        var world = new RoutingFixture(8)
            .Knows(1, "lattice lattice lattice lattice").Knows(2, "lattice lattice lattice").Knows(3, "lattice lattice lattice photon")
            .Trusts(1, 5).Trusts(1, 6).Trusts(2, 5).Trusts(2, 6).Trusts(3, 7);
        return Router.Measure(world.Sources, RoutingFixture.Ask(0, "lattice"), options);
    }

    [Fact]
    public void WithoutPenalty_OrderIsByScore()
    {
        var options = RoutingOptions.Default with { TextWeight = 1, DiversityPenalty = 0 };

        Assert.Equal([1, 2, 3], Router.Rank(Signals(options), options).Take(3).Select(c => c.Person));
    }

    [Fact]
    public void Penalty_MovesSomeoneFromAnotherCircleAheadOfAnOverlappingOne()
    {
        // Jaccard({1,5,6}, {2,5,6}) = 2/4 = 0.5, so 2's factor is 1 − 0.5 · 0.5 = 0.75; 3 overlaps nobody (factor 1).
        var options = RoutingOptions.Default with { TextWeight = 1, DiversityPenalty = 0.5 };
        var plain = Router.Rank(Signals(options with { DiversityPenalty = 0 }), options with { DiversityPenalty = 0 });

        var ranked = Router.Rank(Signals(options), options);

        Assert.Equal([1, 3, 2], ranked.Take(3).Select(c => c.Person));
        var two = ranked.Single(c => c.Person == 2);
        Assert.Equal(0.75, two.DiversityFactor, 12);
        Assert.Equal(plain.Single(c => c.Person == 2).Score * 0.75, two.Score, 12);
        Assert.Equal(1, ranked.Single(c => c.Person == 3).DiversityFactor);
    }

    [Fact]
    public void Jaccard_OfClosedNeighbourhoods()
    {
        Assert.Equal(0.5, DiversityReRank.Jaccard([1, 5, 6], [2, 5, 6]));
        Assert.Equal(0, DiversityReRank.Jaccard([1], [2]));
    }
}
