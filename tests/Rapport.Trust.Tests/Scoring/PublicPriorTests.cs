using CsCheck;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using Rapport.Trust.Tests.Graph;
using static Rapport.Trust.Tests.Graph.Statements;

namespace Rapport.Trust.Tests.Scoring;

/// <summary>The public prior: a PageRank of the public general layer only, a probability vector, one per snapshot.</summary>
public sealed class PublicPriorTests
{
    [Fact]
    public void Prior_OnATwoCycle_IsHalfAndHalf()
    {
        var snapshot = Snapshot(2, Public(0, 1, 1f), Public(1, 0, 0.3f));

        Assert.Equal(0.5f, snapshot.PublicPriorRank[0], 5);
        Assert.Equal(0.5f, snapshot.PublicPriorRank[1], 5);
    }

    [Fact]
    public void Prior_OfATarget_IsTeleportPlusWhatItsTrusterPasses()
    {
        // 0 → 2 and 1 → 2 (weights cancel: one statement each), node 2 dangling (its mass is spread uniformly):
        // x = prior of 0 and of 1 = a/3 + d·y/3; y = prior of 2 = a/3 + d·y/3 + d·2x, so y·(1 − d/3 − 2d²/3) = a/3 + 2d·a/3.
        var snapshot = Snapshot(3, Public(0, 2, 1f), Public(1, 2, 0.5f));
        const double a = 0.15, d = 0.85;
        var y = ((a / 3) + (d * 2 * (a / 3))) / (1 - (d / 3) - (d * 2 * d / 3));
        var x = (a / 3) + (d * y / 3);

        Assert.Equal(x, snapshot.PublicPriorRank[0], 5);
        Assert.Equal(x, snapshot.PublicPriorRank[1], 5);
        Assert.Equal(y, snapshot.PublicPriorRank[2], 5);
    }

    [Fact]
    public void Prior_IsAProbabilityVector() =>
        GraphGen.Edges.Sample(edges =>
        {
            var prior = TrustSnapshot.Build(GraphGen.Nodes, edges, 1).PublicPriorRank;
            var named = edges.GroupBy(e => e.Key).Select(g => g.Last()).Where(e => e is { Scope: EdgeScope.Public, Topic: TopicIndex.General, Value: > 0 } && e.From != e.To)
                .SelectMany(e => new[] { e.From, e.To }).ToHashSet();

            Assert.All(Enumerable.Range(0, GraphGen.Nodes), u => Assert.True(named.Contains(u) ? prior[u] > 0 : prior[u] == 0));
            Assert.Equal(named.Count == 0 ? 0 : 1.0, prior.Sum(p => (double)p), 4);
        }, iter: 500);

    [Fact]
    public void PublicPeople_AreThePeopleThePublicGeneralLayerNames() =>
        GraphGen.Edges.Sample(edges =>
        {
            var named = edges.GroupBy(e => e.Key).Select(g => g.Last()).Where(e => e is { Scope: EdgeScope.Public, Topic: TopicIndex.General, Value: > 0 } && e.From != e.To)
                .SelectMany(e => new[] { e.From, e.To }).ToHashSet();

            Assert.Equal(named.Count, TrustSnapshot.Build(GraphGen.Nodes, edges, 1).PublicPeople);
        }, iter: 300);

    [Fact]
    public void Prior_AfterARefresh_IsWhatAFreshComputationGives() =>
        GraphGen.Edges.Sample(edges =>
        {
            // The second half may or may not touch the public general layer: a taken-over prior and a recomputed one
            // must both equal computing it afresh, bit for bit.
            var half = edges.Length / 2;
            var before = TrustSnapshot.Build(GraphGen.Nodes, edges[..half], 1);
            _ = before.PublicPriorRank;
            var after = before.Apply(GraphGen.Nodes + 1, edges[half..], [], 2);

            Assert.Equal(PublicPrior.Compute(after.PublicTrust), after.PublicPriorRank);
        }, iter: 500);

    [Fact]
    public void Prior_IsTakenOver_WhenOnlyNonPublicStatementsChange()
    {
        var before = Snapshot(3, Public(0, 1, 1f), Public(1, 2, 0.5f));
        var prior = before.PublicPriorRank;

        var same = before.Apply(3, [new StatementEdge(2, 0, 1, TopicIndex.General, EdgeScope.Private)], [], 2);
        var changed = same.Apply(3, [Public(2, 0, 1f)], [], 3);

        Assert.Same(prior, same.PublicPriorRank);
        Assert.NotEqual(prior, changed.PublicPriorRank);
        Assert.Equal(PublicPrior.Compute(changed.PublicTrust), changed.PublicPriorRank);
    }

    [Fact]
    public void Prior_IsUnchangedByAPrivateStatementAboutSomeoneNew() =>
        GraphGen.Edges.Sample(edges =>
        {
            // A private statement about a person nobody else has mentioned gives that person a node; the prior must not
            // notice (uniform teleport over every node would shrink everyone's share).
            var before = TrustSnapshot.Build(GraphGen.Nodes, edges, 1);
            var after = before.Apply(GraphGen.Nodes + 1, [new StatementEdge(0, GraphGen.Nodes, 1, TopicIndex.General, EdgeScope.Private)], [], 2);

            Assert.Equal(before.PublicPriorRank, after.PublicPriorRank[..GraphGen.Nodes]);
            Assert.Equal(0, after.PublicPriorRank[GraphGen.Nodes]);
            Assert.Equal(before.PublicPeople, after.PublicPeople);
        }, iter: 200);

    [Fact]
    public void Prior_IgnoresEveryPrivateCommunityAndTopicStatement() =>
        Gen.Select(GraphGen.Edges, GraphGen.Edges).Sample((edges, extra) =>
        {
            var hidden = extra.Where(e => e.Scope != EdgeScope.Public || e.Topic != TopicIndex.General).ToArray();
            var keys = hidden.Select(e => e.Key).ToHashSet();
            var publicGeneral = edges.Where(e => !keys.Contains(e.Key)).ToArray();
            var without = TrustSnapshot.Build(GraphGen.Nodes, publicGeneral, 1);
            var with = without.Apply(GraphGen.Nodes, hidden, [], 2);

            Assert.Equal(without.PublicPriorRank, with.PublicPriorRank);
        }, iter: 500);

    [Fact]
    public void ASybilHubOfThePrior_GetsAtMostFourTimesWhatTheViewersPushGaveIt()
    {
        // Viewer 0 trusts 1 and 2 (honest, who trust each other); 1 also trusts sybil 3 weakly; sybils 4..203 all trust 3,
        // which makes 3 the public prior's top node by far.
        var edges = new List<StatementEdge> { Public(0, 1, 1f), Public(0, 2, 1f), Public(1, 2, 1f), Public(2, 1, 1f), Public(1, 3, 0.05f) };
        for (var sybil = 4; sybil < 204; sybil++)
        {
            edges.Add(Public(sybil, 3, 1f));
        }

        var snapshot = TrustSnapshot.Build(204, [.. edges], 1);
        Assert.Equal(3, Array.IndexOf(snapshot.PublicPriorRank, snapshot.PublicPriorRank.Max()));
        var view = new PerspectiveView(snapshot, Perspective.Of(0), TopicIndex.General, 0.5f);

        var lower = Scores(view, priorWeight: 0);
        var estimate = Scores(view, PrecisionDefaults.PriorWeight);

        Assert.True(estimate[3] <= ((1 + PushEstimate.PriorCap) * lower[3]) + 1e-7, $"{estimate[3]} vs lower bound {lower[3]}");
        Assert.True(estimate[3] < estimate[1] && estimate[3] < estimate[2]);
    }

    private static float[] Scores(PerspectiveView view, float priorWeight)
    {
        var workspace = new RankWorkspace();
        workspace.Prepare(view.NodeCount, exact: false, best: PrecisionDefaults.HighTop + 1);
        ForwardPush.Run(view, workspace, 0.15f, PrecisionDefaults.Cheap, priorWeight);
        return [.. workspace.Push[..view.NodeCount].Select(node => node.Score)];
    }
}
