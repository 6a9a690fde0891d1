using Rapport.Trust.Graph;
using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

/// <summary>Round 7: the asker's topic-scoped trust closeness as two learned-ranker features (docs/routing.md, "Round 7").</summary>
public sealed class TopicClosenessTests
{
    private const double Tolerance = 1e-6; // statement values are floats
    private static readonly int Closeness = Column("closeness");
    private static readonly int TopicMean = Column("topic_closeness");
    private static readonly int TopicMax = Column("topic_closeness_max");

    /// <summary>
    /// Asker 0 trusts 1 (general) and 2 on "qubit". Nobody else states anything, so 1 and 2 are dangling and PPR from 0
    /// puts α(1 − α)·share on each. General: only 0 → 1, so C(1) = 1, C(2) = 0 (unreached). On "qubit": 0's row has the
    /// topic edge to 2 at full weight 1 and the general edge to 1 at the fallback discount 0.5, shares 2/3 and 1/3, so
    /// C_qubit(2) = 1, C_qubit(1) = 1/2. On "noise" (named, no statement): 0's row has no topic edge, the discount cancels,
    /// C_noise = general C. Problem on both: person 1 mean (1/2 + 1)/2 = 3/4, max 1; person 2 mean (1 + 0)/2 = 1/2, max 1.
    /// </summary>
    [Fact]
    public void TopicCloseness_IsTheMeanAndMaxOverTheProblemsTopics_OfTheAskersTopicScopedPprRelativeToTheBestCandidate()
    {
        var world = new RoutingFixture(3).Active(1, 1).Active(2, 1).Trusts(0, 1).TrustsOn(0, 2, "qubit").NamesTopic("noise");

        var signals = Router.Measure(world.Sources, RoutingFixture.Ask(0, "", "Qubit", "noise"), RoutingOptions.Default);
        var rows = RoutingFeatures.Of(signals, RoutingOptions.Default);

        Assert.Equal(["noise", "qubit"], signals.TrustTopics);
        Assert.Equal([1, 2], signals.Candidates.Select(c => c.Person));
        var floor = RoutingOptions.Default.ClosenessFloor;
        Assert.Equal(Math.Log(floor + 0.75), rows[0][TopicMean], Tolerance);
        Assert.Equal(Math.Log(floor + 1), rows[0][TopicMax], Tolerance);
        Assert.Equal(Math.Log(floor + 0.5), rows[1][TopicMean], Tolerance);
        Assert.Equal(Math.Log(floor + 1), rows[1][TopicMax], Tolerance);
        Assert.Equal([Math.Log(floor + 1), Math.Log(floor)], rows.Select(r => r[Closeness]), (x, y) => Math.Abs(x - y) < Tolerance);

        // The raw masses on "qubit" (second trust topic) are α(1 − α)/3 and 2α(1 − α)/3.
        var alpha = RoutingOptions.Default.Trust.Alpha;
        Assert.Equal([alpha * (1 - alpha) / 3, 2 * alpha * (1 - alpha) / 3], signals.Candidates.Select(c => c.TopicTrustMass[1]), (x, y) => Math.Abs(x - y) < Tolerance);
    }

    [Fact]
    public void TopicCloseness_WithoutATopicTheTrustGraphNames_IsTheGeneralCloseness()
    {
        // No topic map at all, and a map without the problem's topic: both topic features equal the general closeness.
        var plain = new RoutingFixture(3).Active(1, 1).Active(2, 1).Trusts(0, 1).Trusts(1, 2);
        var mapped = new RoutingFixture(3).Active(1, 1).Active(2, 1).Trusts(0, 1).Trusts(1, 2).NamesTopic("photon");

        foreach (var world in new[] { plain, mapped })
        {
            var signals = Router.Measure(world.Sources, RoutingFixture.Ask(0, "", "qubit"), RoutingOptions.Default);
            var rows = RoutingFeatures.Of(signals, RoutingOptions.Default);

            Assert.Empty(signals.TrustTopics);
            Assert.All(rows, r => Assert.Equal((r[Closeness], r[Closeness]), (r[TopicMean], r[TopicMax])));
        }
    }

    [Fact]
    public void TopicCloseness_WhenTheAskerReachesNoCandidateOnATopic_IsNeutralForEveryone()
    {
        // Nobody is reachable from 0 at all: general and topic closeness are NeutralCloseness (1) for both candidates.
        var world = new RoutingFixture(3).Active(1, 1).Active(2, 1).TrustsOn(1, 2, "qubit");

        var rows = RoutingFeatures.Of(Router.Measure(world.Sources, RoutingFixture.Ask(0, "", "qubit"), RoutingOptions.Default), RoutingOptions.Default);

        var neutral = Math.Log(RoutingOptions.Default.ClosenessFloor + RoutingOptions.Default.NeutralCloseness);
        Assert.All(rows, r => Assert.Equal((neutral, neutral), (r[TopicMean], r[TopicMax])));
    }

    [Fact]
    public void TopicCloseness_IgnoresSomeoneElsesPrivateTopicStatement_AndCountsTheAskersOwn()
    {
        // 0 trusts 1 and 2 (general); 1 and 2 are the candidates, 3 is only reachable through a private statement.
        RoutingFixture World() => new RoutingFixture(4).Active(1, 1).Active(2, 1).Active(3, 1).Trusts(0, 1).Trusts(0, 2).NamesTopic("qubit");
        var request = RoutingFixture.Ask(0, "", "qubit");
        double[][] Rows(RoutingFixture w) => RoutingFeatures.Of(Router.Measure(w.Sources, request, RoutingOptions.Default), RoutingOptions.Default);

        var before = Rows(World());
        var othersPrivate = Rows(World().TrustsOn(1, 3, "qubit", scope: EdgeScope.Private).TrustsOn(2, 1, "qubit", scope: EdgeScope.Private));
        var own = Rows(World().TrustsOn(0, 3, "qubit", scope: EdgeScope.Private));

        Assert.Equal(before.Select(r => (r[TopicMean], r[TopicMax])), othersPrivate.Select(r => (r[TopicMean], r[TopicMax])));
        Assert.Equal(Math.Log(RoutingOptions.Default.ClosenessFloor), before[2][TopicMean], Tolerance); // 3 unreached
        Assert.True(own[2][TopicMean] > before[2][TopicMean]);
    }

    private static int Column(string name) => RoutingFeatures.Names.ToList().IndexOf(name);
}
