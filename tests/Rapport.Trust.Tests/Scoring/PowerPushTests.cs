using CsCheck;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using Rapport.Trust.Tests.Graph;
using static Rapport.Trust.Tests.Graph.Statements;

namespace Rapport.Trust.Tests.Scoring;

/// <summary>
/// PowerPush (the high tier) against exact PPR, in both of its phases: local FIFO push (budget unlimited) and global
/// sweeps (budget 0, so it sweeps right after the viewer's push). Scores are compared before one-step distrust.
/// </summary>
public sealed class PowerPushTests
{
    private const float Alpha = 0.15f;

    /// <summary>Local phase only, immediate sweeps, and the default switch.</summary>
    private static readonly long?[] Budgets = [long.MaxValue, 0, null];

    private static readonly Gen<int> Topic = Gen.Int[0, GraphGen.Topics - 1];

    private static readonly Gen<float> Lambda = Gen.OneOf(0.5f, 0.2f, 0.1f, 0.01f, 1e-4f);

    [Fact]
    public void PowerPush_NeverExceedsExact_AndMissesAtMostLambdaInAll() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, Lambda).Sample((edges, perspective, topic, lambda) =>
        {
            var snapshot = TrustSnapshot.Build(GraphGen.Nodes, edges, 1);
            var exact = ExactScores(snapshot, perspective, topic);
            foreach (var budget in Budgets)
            {
                var approximate = PowerPushScores(snapshot, perspective, topic, lambda, budget);
                var missing = 0.0;
                for (var node = 0; node < GraphGen.Nodes; node++)
                {
                    Assert.True(approximate[node] <= (exact[node] * (1 + 1e-5)) + 1e-7, $"node {node}: {approximate[node]} > {exact[node]} (budget {budget})");
                    missing += Math.Max(0, exact[node] - approximate[node]);
                }

                // Residual L left at the end (L ≤ λ·(1 − R), R the mass held aside at the viewer) can add at most L/(1 − R) in all.
                Assert.True(missing <= lambda + 1e-5, $"missing {missing} > λ {lambda} (budget {budget})");
            }
        }, iter: 1500);

    [Fact]
    public void PowerPush_AtATinyLambda_AgreesWithExact() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var snapshot = TrustSnapshot.Build(GraphGen.Nodes, edges, 1);
            var exact = ExactScores(snapshot, perspective, topic);
            foreach (var budget in Budgets)
            {
                var approximate = PowerPushScores(snapshot, perspective, topic, 1e-6f, budget);
                for (var node = 0; node < GraphGen.Nodes; node++)
                {
                    Assert.True(Math.Abs(exact[node] - approximate[node]) <= 1e-5, $"node {node}: {approximate[node]} vs exact {exact[node]} (budget {budget})");
                }
            }
        }, iter: 1000);

    [Fact]
    public void PowerPush_InSweeps_SeesNoPrivateStatementOfAnother() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge, Gen.Bool).Sample((edges, perspective, topic, added, community) =>
        {
            var statement = community
                ? added with { Scope = EdgeScope.Community, Community = 0 }
                : added with { Scope = EdgeScope.Private, Community = -1 };
            if (statement.From == perspective.Viewer || (community && perspective.Communities.Span.Contains(0)))
            {
                return;
            }

            var without = TrustSnapshot.Build(GraphGen.Nodes, edges.Where(e => e.Key != statement.Key).ToArray(), 1);
            var with = without.Apply(GraphGen.Nodes, [statement], [], 2);
            foreach (var budget in Budgets)
            {
                foreach (var lambda in new[] { 0.1f, 1e-4f })
                {
                    var a = PowerPushScores(without, perspective, topic, lambda, budget);
                    var b = PowerPushScores(with, perspective, topic, lambda, budget);
                    Assert.True(a.SequenceEqual(b), $"budget {budget} λ {lambda} topic {topic} viewer {perspective.Viewer} [{string.Join(',', perspective.Communities.ToArray())}] added {statement}: {string.Join(' ', a)} vs {string.Join(' ', b)}");
                }
            }
        }, iter: 1000);

    [Fact]
    public void PowerPush_OnACycle_SweepsToTheGeometricSeries()
    {
        // 0 → 1 → 2 → 0: the viewer keeps α / (1 − 0.85³); each hop on keeps 0.85 of the one before.
        var snapshot = Snapshot(3, Public(0, 1, 1f), Public(1, 2, 1f), Public(2, 0, 1f));
        var keep = 1 - Alpha;
        var viewer = Alpha / (1 - (keep * keep * keep));

        foreach (var budget in Budgets)
        {
            var scores = PowerPushScores(snapshot, Perspective.Of(0), TopicIndex.General, 1e-7f, budget);

            Assert.Equal(keep * viewer, scores[1], 5);
            Assert.Equal(keep * keep * viewer, scores[2], 5);
        }
    }

    [Fact]
    public void PowerPush_LeavesTheWorkspaceClean()
    {
        var snapshot = TrustSnapshot.Build(GraphGen.Nodes, [Public(0, 1, 1f), Public(1, 2, 0.5f), Public(2, 0, 1f), Public(2, 3, 1f), Private(0, 4, 0.4f)], 1);
        var workspace = new RankWorkspace();
        workspace.Prepare(snapshot.NodeCount, exact: false, best: 1);
        var view = new PerspectiveView(snapshot, Perspective.Of(0), TopicIndex.General, 0.5f);

        PowerPush.Run(view, workspace, Alpha, 1e-3f, localBudget: 0);
        workspace.Reset();

        Assert.All(workspace.Score, s => Assert.Equal(0, s));
        Assert.All(workspace.Push, p => Assert.Equal(default, p));
        Assert.All(workspace.Residual, r => Assert.Equal(0, r));
    }

    internal static float[] PowerPushScores(TrustSnapshot snapshot, Perspective perspective, int topic, float lambda, long? budget)
    {
        var view = new PerspectiveView(snapshot, perspective, topic, 0.5f);
        var workspace = new RankWorkspace();
        workspace.Prepare(snapshot.NodeCount, exact: false, best: 1);
        PowerPush.Run(view, workspace, Alpha, lambda, localBudget: budget);
        var scores = new float[snapshot.NodeCount];
        for (var i = 0; i < workspace.TouchedCount; i++)
        {
            var node = workspace.Touched[i];
            scores[node] = workspace.Score[node];
        }

        scores[perspective.Viewer] = 0;
        return scores;
    }

    private static float[] ExactScores(TrustSnapshot snapshot, Perspective perspective, int topic)
    {
        var view = new PerspectiveView(snapshot, perspective, topic, 0.5f);
        var workspace = new RankWorkspace();
        workspace.Prepare(snapshot.NodeCount, exact: true, best: 1);
        PowerIteration.Run(view, workspace, Alpha);
        var scores = new float[snapshot.NodeCount];
        for (var i = 0; i < workspace.TouchedCount; i++)
        {
            var node = workspace.Touched[i];
            scores[node] = workspace.Score[node];
        }

        scores[perspective.Viewer] = 0;
        return scores;
    }
}
