using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

public sealed class RouterTests
{
    private static readonly RoutingOptions Plain = RoutingOptions.Default with { DiversityPenalty = 0 };

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
    public void Measure_TopicMatchSaturatesWorkAndWeighsRareTopics()
    {
        // Topic idf over the 2 people with a profile: "qubit" (both) ln 1.2, "noise" (person 1) ln 2; saturation 1:
        // person 1 (qubit ×2, noise ×1): ln 1.2 · 2/3 + ln 2 · 1/2; person 2 (qubit ×1): ln 1.2 · 1/2.
        var world = new RoutingFixture(3).Knows(1, "", "qubit", "noise").Knows(1, "", "Qubit").Knows(2, "", "qubit");

        var signals = Router.Measure(world.Sources, RoutingFixture.Ask(0, "", "qubit", "noise"), Plain with { TopicSaturation = 1 });

        var one = signals.Candidates.Single(c => c.Person == 1);
        Assert.Equal((Math.Log(1.2) * 2 / 3) + (Math.Log(2) / 2), one.Topic, 12);
        Assert.Equal(Math.Log(1.2) / 2, signals.Candidates.Single(c => c.Person == 2).Topic, 12);
        Assert.Equal([("noise", 1.0), ("qubit", 2.0)], one.Topics.Select(t => (t.Term, t.Score)));
    }

    [Fact]
    public void Rank_MultipliesTheWeightedFactors()
    {
        // Asker 0 trusts 1 fully; nobody reaches 2. Expertise: text only, 1 is the best match (E = 1), 2 matches nothing.
        // Activity: 1 one event a half-life ago (0.5), 2 one event now-ish (≈ 1). Answer rate: prior 0.5 for both.
        var world = new RoutingFixture(3).Knows(1, "lattice").Knows(2, "photon").Active(1, 14).Active(2, 0.0001).Trusts(0, 1);
        var options = Plain with { TextShare = 1, ExpertiseFloor = 0.2, ClosenessWeight = 0.5, ClosenessFloor = 0.25, AvailabilityWeight = 2, ActivitySaturation = 0.5 };

        var ranked = Router.Rank(Router.Measure(world.Sources, RoutingFixture.Ask(0, "lattice"), options), options);

        var one = ranked.Single(c => c.Person == 1);
        var a1 = 0.5 / (0.5 + 0.5) * 0.5;
        Assert.Equal((1.0, 1.0, a1), (one.Expertise, one.Closeness, one.Availability));
        Assert.Equal(1.2 * Math.Sqrt(1.25) * Math.Pow(0.05 + a1, 2), one.Score, 12);
        var two = ranked.Single(c => c.Person == 2);
        Assert.Equal((0.0, 0.0), (two.Expertise, two.Closeness));
        Assert.Equal(0.2 * Math.Sqrt(0.25) * Math.Pow(0.05 + two.Availability, 2), two.Score, 12);
        Assert.Equal([1, 2], ranked.Select(c => c.Person));
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

        var ranked = Router.Rank(Router.Measure(world.Sources, RoutingFixture.Ask(0, "lattice"), Plain), Plain);

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

        var signals = Router.Measure(world.Sources, RoutingFixture.Ask(0, "lattice"), Plain);

        var future = signals.Candidates.Single(c => c.Person == 1);
        Assert.Equal((0.0, (DateTimeOffset?)null, 0.5), (future.RecentActivity, future.LastActive, future.AnswerRate));
        var two = signals.Candidates.Single(c => c.Person == 2);
        Assert.Equal(0.5, two.RecentActivity, 12);
        // (2 answered + 2 prior invitations · 0.5) / (2 + 2) = 0.75.
        Assert.Equal((0.75, 2), (two.AnswerRate, two.Invitations));
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
