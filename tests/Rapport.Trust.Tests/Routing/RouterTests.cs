using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

public sealed class RouterTests
{
    private static readonly RoutingOptions Plain = RoutingOptions.Default with { DiversityPenalty = 0 };
    private static readonly RoutingOptions WithTrust = Plain with { ClosenessWeight = 0.5 };

    [Fact]
    public void Measure_ScoresEachPersonsDocumentWithBm25()
    {
        // Person 1 "qubit noise" (2 terms), person 2 "qubit gate gate" (3): N = 2, average length 2.5.
        // "noise": df 1, idf ln 2; person 1: norm = 0.25 + 0.75 · 2/2.5 = 0.85 → ln 2 · 2.2 / (1 + 1.2 · 0.85).
        // "qubit": df 2, idf ln 1.2; person 2: norm = 0.25 + 0.75 · 3/2.5 = 1.15 → ln 1.2 · 2.2 / (1 + 1.38).
        var world = new RoutingFixture(3).Knows(1, "qubit noise").Knows(2, "qubit gate gate");

        var signals = Router.Measure(world.Sources, RoutingFixture.Ask(0, "noise on a qubit"), Plain with { K1 = 1.2, B = 0.75 });

        var one = signals.Candidates.Single(c => c.Person == 1);
        var two = signals.Candidates.Single(c => c.Person == 2);
        Assert.Equal((Math.Log(2) * 2.2 / 2.02) + (Math.Log(1.2) * 2.2 / 2.02), one.Text, 12);
        Assert.Equal(Math.Log(1.2) * 2.2 / 2.38, two.Text, 12);
        Assert.Equal(["noise", "qubit"], one.Terms.Select(t => t.Term));
    }

    [Fact]
    public void Measure_KeepsTheWorkOnEachTopic_TheProfileSize_AndTheCollectionShareOfKnownTopics()
    {
        // Person 1: qubit ×2, noise ×1 (n = 3); person 2: qubit ×1. Collection: qubit 3, noise 1 of 4; "surgery": nobody.
        var world = new RoutingFixture(3).Knows(1, "", "qubit", "noise").Knows(1, "", "Qubit").Knows(2, "", "qubit");

        var signals = Router.Measure(world.Sources, RoutingFixture.Ask(0, "", "qubit", "noise", "surgery"), Plain);

        Assert.Equal([("noise", 0.25), ("qubit", 0.75)], signals.TopicBackground.Select(t => (t.Term, t.Score)));
        var one = signals.Candidates.Single(c => c.Person == 1);
        Assert.Equal(3, one.ProfileSize);
        Assert.Equal([("qubit", 2.0), ("noise", 1.0)], one.Topics.Select(t => (t.Term, t.Score)));
        Assert.Equal(1, signals.Candidates.Single(c => c.Person == 2).ProfileSize);
    }

    [Fact]
    public void Rank_AddsPriorProfileTrustAndResponsivenessInLogSpace()
    {
        // Topic "qubit" (collection share 3/4), μ = 4: person 1 (qubit ×2, noise ×1): P = (2 + 3) / (3 + 4) = 5/7;
        // person 2 (qubit ×1): (1 + 3) / (1 + 4) = 4/5. Prior, half-life 30 days, pseudo-count 1: person 1 one act 30 days
        // ago (r = 0.5), person 2 one act just now (r = a2 ≈ 1). Trust: 0 trusts 1 (C = 1), nobody reaches 2 (C = 0);
        // β = 0.5, floor 0.25. Answer rate: the prior 0.5 for both.
        var world = new RoutingFixture(3).Knows(1, "", "qubit", "noise").Knows(1, "", "qubit").Knows(2, "", "qubit")
            .Active(1, 30).Active(2, 0.0001).Trusts(0, 1);
        var options = Plain with { TopicSmoothing = 4, PriorHalfLife = TimeSpan.FromDays(30), ClosenessWeight = 0.5, ClosenessFloor = 0.25 };

        var ranked = Router.Rank(Router.Measure(world.Sources, RoutingFixture.Ask(0, "", "qubit"), options), options);

        var a2 = Math.Pow(2, -0.0001 / 30);
        var l1 = Math.Log(1.5) + Math.Log(5.0 / 7) + (0.5 * Math.Log(1.25)) + Math.Log(0.5);
        var l2 = Math.Log(1 + a2) + Math.Log(0.8) + (0.5 * Math.Log(0.25)) + Math.Log(0.5);
        Assert.Equal([1, 2], ranked.Select(c => c.Person));
        var (one, two) = (ranked[0], ranked[1]);
        Assert.Equal(1, one.Score, 12);
        Assert.Equal(Math.Exp(l2 - l1), two.Score, 12);
        Assert.Equal(5.0 / 7 / 0.8, one.Expertise, 12);
        Assert.Equal(1, two.Expertise, 12);
        Assert.Equal((1.0, 0.0), (one.Closeness, two.Closeness));
        Assert.Equal(0.5 / a2 * 0.5, one.Availability, 12);
        Assert.Equal(0.5, two.Availability, 12);
    }

    [Fact]
    public void Rank_WithAnUninformativeProfile_IsTheActivityPrior_LikeMostActive()
    {
        // Person 1 knows the topic and acted once; person 2 never worked on it but acted three times.
        var world = new RoutingFixture(3).Knows(1, "", "qubit").Knows(2, "", "photon").Active(1, 1).Active(2, 1).Active(2, 2).Active(2, 3);
        var request = RoutingFixture.Ask(0, "", "qubit");
        var sharp = Plain with { TopicSmoothing = 1 };
        var flat = Plain with { TopicSmoothing = 1e12 };

        Assert.Equal([1, 2], Router.Rank(Router.Measure(world.Sources, request, sharp), sharp).Select(c => c.Person));
        Assert.Equal([2, 1], Router.Rank(Router.Measure(world.Sources, request, flat), flat).Select(c => c.Person));
        Assert.Equal([2, 1], Router.Rank(Router.Measure(world.Sources, request, sharp), sharp with { ProfileWeight = 0 }).Select(c => c.Person));
    }

    [Fact]
    public void Rank_WhenTheAskerReachesNoOne_ClosenessIsNeutralForEveryone()
    {
        var world = new RoutingFixture(3).Knows(1, "lattice").Knows(2, "lattice lattice").Trusts(1, 2);

        var ranked = Router.Rank(Router.Measure(world.Sources, RoutingFixture.Ask(0, "lattice"), Plain), Plain);

        Assert.All(ranked, c => Assert.True(c.ClosenessIsNeutral));
        Assert.All(ranked, c => Assert.Equal(Plain.NeutralCloseness, c.Closeness));
    }

    [Fact]
    public void Rank_CloserPersonWinsBetweenEqualExperts()
    {
        var world = new RoutingFixture(4).Knows(1, "lattice").Knows(2, "lattice").Trusts(0, 3).Trusts(3, 2);

        var ranked = Router.Rank(Router.Measure(world.Sources, RoutingFixture.Ask(0, "lattice"), WithTrust), WithTrust);

        Assert.Equal([2, 1], ranked.Select(c => c.Person));
        Assert.True(ranked[0].Signals.TrustMass > 0);
        Assert.DoesNotContain(ranked, c => c.Person == 3); // trusted, but with no expertise or activity: not a candidate
        Assert.Equal(0, ranked[1].Closeness);
    }

    [Fact]
    public void Route_NeverOffersTheAskerBlockedPairsOrTheUnavailable()
    {
        var world = new RoutingFixture(6);
        for (var person = 0; person < 6; person++)
        {
            world.Knows(person, "lattice");
        }

        var request = RoutingFixture.Ask(0, "lattice") with { BlockedPairs = new HashSet<(int, int)> { (0, 1), (2, 0), (3, 4) }, Unavailable = new HashSet<int> { 5 } };

        var routed = Router.Route(world.Sources, request, RoutingOptions.Default, count: 10);

        Assert.Equal([3, 4], routed.Select(c => c.Person));
    }

    [Fact]
    public void Rank_BreaksTiesByNodeIndex_AndIsDeterministic()
    {
        var world = new RoutingFixture(5).Knows(4, "lattice").Knows(2, "lattice").Knows(3, "lattice").Knows(1, "lattice");
        var request = RoutingFixture.Ask(0, "lattice");

        var first = Router.Route(world.Sources, request, RoutingOptions.Default, 10);
        var second = Router.Route(world.Sources, request, RoutingOptions.Default, 10);

        Assert.Equal([1, 2, 3, 4], first.Select(c => c.Person));
        Assert.Equal(first.Select(c => (c.Person, c.Score)), second.Select(c => (c.Person, c.Score)));
    }

    [Fact]
    public void Availability_ReadsOnlyActivityBeforeTheRequest_AndInvitationsMoveTheAnswerRate()
    {
        var world = new RoutingFixture(3).Knows(1, "lattice").Knows(2, "lattice").Active(1, -1, 100).Active(2, 14);
        world.Responsiveness.RecordInvitation(2, answered: true);
        world.Responsiveness.RecordInvitation(2, answered: true);

        var signals = Router.Measure(world.Sources, RoutingFixture.Ask(0, "lattice"), Plain with { PriorHalfLife = TimeSpan.FromDays(14) });

        var future = signals.Candidates.Single(c => c.Person == 1);
        Assert.Equal((0.0, (DateTimeOffset?)null, 0.5), (future.RecentActivity, future.LastActive, future.AnswerRate));
        var two = signals.Candidates.Single(c => c.Person == 2);
        Assert.Equal(0.5, two.RecentActivity, 12);
        // (2 answered + 2 prior invitations · 0.5) / (2 + 2) = 0.75.
        Assert.Equal((0.75, 2), (two.AnswerRate, two.Invitations));
    }

    [Fact]
    public void ActivityOfWeightZero_MakesACandidateWithoutAddingToThePrior()
    {
        var world = new RoutingFixture(2).Active(1, 1, weight: 0);

        var one = Assert.Single(Router.Measure(world.Sources, RoutingFixture.Ask(0, "lattice"), Plain).Candidates);

        Assert.Equal((1, 0.0, (DateTimeOffset?)RoutingFixture.Now.AddDays(-1)), (one.Person, one.RecentActivity, one.LastActive));
    }

    [Fact]
    public void Route_ExplainsWithTheStrongestTrustPath()
    {
        var world = new RoutingFixture(3).Knows(2, "lattice").Trusts(0, 1, 0.8f).Trusts(1, 2, 0.5f);

        var routed = Router.Route(world.Sources, RoutingFixture.Ask(0, "lattice"), RoutingOptions.Default, 1);

        var path = Assert.Single(routed).Path;
        Assert.NotNull(path);
        Assert.Equal([(0, 1), (1, 2)], path.Hops.Select(h => (h.From, h.To)));
        Assert.Equal(0.4f, path.Strength, 5);
        Assert.Equal(["lattice"], routed[0].Signals.Terms.Select(t => t.Term));
    }
}
