using CsCheck;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using Rapport.Trust.Tests.Graph;
using static Rapport.Trust.Tests.Scoring.Queries;

namespace Rapport.Trust.Tests.Scoring;

public sealed class TrustQueryPropertyTests
{
    private static readonly TrustQueryOptions[] Tiers = [Cheap, High, Exact];

    private static readonly Gen<TrustQueryOptions> Tier = Gen.OneOf(Cheap, High, Exact);

    private static readonly Gen<int> Topic = Gen.Int[0, GraphGen.Topics - 1];

    [Fact]
    public void Top_ScoresAreInRangeBestFirstAndSumToAtMostOne() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, Tier).Sample((edges, perspective, topic, options) =>
        {
            var top = TopAll(TrustSnapshot.Build(GraphGen.Nodes, edges, 1), perspective, options, topic);

            Assert.All(top, s => Assert.InRange(s.Score, float.Epsilon, 1f));
            Assert.DoesNotContain(top, s => s.Node == perspective.Viewer);
            Assert.Equal(top.Length, top.Select(s => s.Node).Distinct().Count());
            Assert.True(top.Zip(top.Skip(1)).All(pair => TopSelection.Better(pair.First, pair.Second)));
            Assert.True(top.Sum(s => (double)s.Score) <= 1 + 1e-5);
        }, iter: 1500);

    [Fact]
    public void Push_WithoutThePrior_NeverExceedsExact() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var snapshot = TrustSnapshot.Build(GraphGen.Nodes, edges, 1);
            var exact = PushScores(snapshot, perspective, topic, workspace => PowerIteration.Run(workspace.View, workspace.Workspace, Alpha));

            foreach (var push in PushRuns(priorWeight: 0))
            {
                var approximate = PushScores(snapshot, perspective, topic, push);
                for (var node = 0; node < GraphGen.Nodes; node++)
                {
                    Assert.True(approximate[node] <= (exact[node] * (1 + 1e-5)) + 1e-7, $"node {node}: {approximate[node]} > {exact[node]}");
                }
            }
        }, iter: 1000);

    [Fact]
    public void Push_WithThePrior_StaysWithinTheResidualLeftOfExact() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var snapshot = TrustSnapshot.Build(GraphGen.Nodes, edges, 1);
            var exact = PushScores(snapshot, perspective, topic, workspace => PowerIteration.Run(workspace.View, workspace.Workspace, Alpha));
            var prior = snapshot.PublicPriorRank;

            foreach (var push in PushRuns(PrecisionDefaults.PriorWeight))
            {
                float left = 0, scale = 0;
                var estimate = PushScores(snapshot, perspective, topic, run =>
                {
                    push(run);
                    (left, scale) = (run.Workspace.ResidualLeft, run.Workspace.Scale);
                });
                for (var node = 0; node < GraphGen.Nodes; node++)
                {
                    // Above exact by at most the prior's share of the residual left; below it by at most all of it.
                    var tolerance = (exact[node] * 1e-5) + 1e-6;
                    Assert.True(estimate[node] <= exact[node] + ((1 - Alpha) * left * scale * prior[node]) + tolerance, $"node {node}: {estimate[node]} vs exact {exact[node]}");
                    Assert.True(estimate[node] >= exact[node] - (left * scale) - tolerance, $"node {node}: {estimate[node]} vs exact {exact[node]}");
                }
            }
        }, iter: 1000);

    private const float Alpha = 0.15f;

    private sealed record PushRun(PerspectiveView View, RankWorkspace Workspace);

    /// <summary>The tiers' pushes: cheap (one threshold) and high (deeper while the top-10 boundary is a near-tie), at a prior weight.</summary>
    private static Action<PushRun>[] PushRuns(float priorWeight) =>
    [
        run => ForwardPush.Run(run.View, run.Workspace, Alpha, PrecisionDefaults.Cheap, priorWeight),
        run => ForwardPush.RunUntilSeparated(run.View, run.Workspace, Alpha, PrecisionDefaults.High, PrecisionDefaults.HighFloor, PrecisionDefaults.HighStep,
            PrecisionDefaults.HighTop, PrecisionDefaults.BoundaryGap, priorWeight, PrecisionDefaults.HighBudget),
        run => ForwardPush.RunUntilSeparated(run.View, run.Workspace, Alpha, 1e-3f, 1e-6f, PrecisionDefaults.HighStep,
            PrecisionDefaults.HighTop, PrecisionDefaults.BoundaryGap, priorWeight, budget: 0.25f),
        run => ForwardPush.Run(run.View, run.Workspace, Alpha, 1e-6f, priorWeight),
    ];

    /// <summary>Runs a push on a fresh workspace and returns its score per node (before distrust).</summary>
    private static float[] PushScores(TrustSnapshot snapshot, Perspective perspective, int topic, Action<PushRun> push)
    {
        var view = new PerspectiveView(snapshot, perspective, topic, TrustQueryOptions.Default.TopicFallbackDiscount);
        var workspace = new RankWorkspace();
        workspace.Prepare(snapshot.NodeCount, exact: true, best: PrecisionDefaults.HighTop + 1);
        push(new PushRun(view, workspace));
        var scores = new float[snapshot.NodeCount];
        for (var i = 0; i < workspace.TouchedCount; i++)
        {
            var node = workspace.Touched[i];
            scores[node] = workspace.Push[node].Score;
        }

        return scores;
    }

    [Fact]
    public void AddingDistrust_NeverRaisesItsTarget() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge, GraphGen.DistrustValue).Sample((edges, perspective, topic, added, value) =>
        {
            var distrust = added with { Value = value };
            var before = TrustSnapshot.Build(GraphGen.Nodes, edges.Where(e => e.Key != distrust.Key).ToArray(), 1);
            var after = before.Apply(GraphGen.Nodes, [distrust], [], 2);
            var target = distrust.To;

            Assert.True(ScoreOf(TopAll(after, perspective, Exact, topic), target) <= ScoreOf(TopAll(before, perspective, Exact, topic), target) + 1e-6);
            Assert.True((TrustQueries.Level(after, perspective, topic, target) ?? 0) <= (TrustQueries.Level(before, perspective, topic, target) ?? 0) + 1e-6);
        }, iter: 1500);

    [Fact]
    public void APrivateStatement_ChangesNothingForAnyoneButItsAuthor() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge).Sample((edges, perspective, topic, added) =>
        {
            var statement = added with { Scope = EdgeScope.Private, Community = -1 };
            if (statement.From == perspective.Viewer)
            {
                return;
            }

            AssertSameForViewer(edges, statement, perspective, topic);
        }, iter: 1000);

    [Fact]
    public void ACommunityStatement_ChangesNothingForNonMembers() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge, Gen.Int[0, GraphGen.Communities - 1]).Sample((edges, perspective, topic, added, community) =>
        {
            var statement = added with { Scope = EdgeScope.Community, Community = community };
            if (statement.From == perspective.Viewer || perspective.Communities.Span.Contains(community))
            {
                return;
            }

            AssertSameForViewer(edges, statement, perspective, topic);
        }, iter: 1000);

    /// <summary>Adding <paramref name="statement"/> (as a new key) leaves every answer to the perspective identical.</summary>
    private static void AssertSameForViewer(StatementEdge[] edges, StatementEdge statement, Perspective perspective, int topic)
    {
        var others = edges.Where(e => e.Key != statement.Key).ToArray();
        var without = TrustSnapshot.Build(GraphGen.Nodes, others, 1);
        var with = without.Apply(GraphGen.Nodes, [statement], [], 2);
        foreach (var options in Tiers)
        {
            Assert.Equal(TopAll(without, perspective, options, topic), TopAll(with, perspective, options, topic));
        }

        for (var target = 0; target < GraphGen.Nodes; target++)
        {
            Assert.Equal(TrustQueries.Level(without, perspective, topic, target), TrustQueries.Level(with, perspective, topic, target));
            Assert.Equal(
                TrustQueries.Why(without, perspective, topic, target).Select(p => (p.Strength, string.Join(';', p.Hops))),
                TrustQueries.Why(with, perspective, topic, target).Select(p => (p.Strength, string.Join(';', p.Hops))));
        }
    }
}
