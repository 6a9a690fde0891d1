using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Tests.Scoring;

/// <summary>The high tier's work budget: the deeper rounds stop after a multiple of the first round's edge operations.</summary>
public sealed class PushBudgetTests
{
    private const int Nodes = 1_500;
    private const float Alpha = 0.15f;
    private const float From = 1e-3f;
    private const float Floor = 1e-7f;

    private static readonly Lazy<TrustSnapshot> Graph = new(() => TrustSnapshot.Build(Nodes, PushRecallTests.PowerLaw(Nodes, 12_000, seed: 23), 1));

    [Fact]
    public void RunUntilSeparated_WithBudgetZero_IsOneRoundAtTheStartThreshold()
    {
        foreach (var viewer in Viewers())
        {
            var once = Push(viewer, (view, workspace) => ForwardPush.Run(view, workspace, Alpha, From, PrecisionDefaults.PriorWeight));
            var budgeted = Push(viewer, (view, workspace) => Separated(view, workspace, budget: 0));

            Assert.Equal(once.Operations, budgeted.Operations);
            Assert.Equal(once.Scores, budgeted.Scores);
        }
    }

    [Fact]
    public void RunUntilSeparated_WithABudget_FollowsAtMostThatMuchMoreThanItsFirstRoundPlusOneRow()
    {
        const float Budget = 1;
        var widestRow = Enumerable.Range(0, Nodes).Max(n => Graph.Value.PublicTrust.Start[n + 1] - Graph.Value.PublicTrust.Start[n]);
        var cut = 0;
        foreach (var viewer in Viewers())
        {
            var first = Push(viewer, (view, workspace) => ForwardPush.Run(view, workspace, Alpha, From, PrecisionDefaults.PriorWeight)).Operations;
            var free = Push(viewer, (view, workspace) => Separated(view, workspace, float.PositiveInfinity)).Operations;
            var budgeted = Push(viewer, (view, workspace) => Separated(view, workspace, Budget)).Operations;

            Assert.InRange(budgeted, first, Math.Min(free, first + (long)(Budget * first) + widestRow));
            cut += budgeted < free ? 1 : 0;
        }

        Assert.True(cut > 0, "the budget stopped at least one query early");
    }

    private static void Separated(in PerspectiveView view, RankWorkspace workspace, float budget) =>
        ForwardPush.RunUntilSeparated(view, workspace, Alpha, From, Floor, PrecisionDefaults.HighStep, PrecisionDefaults.HighTop, gap: 0.5f,
            PrecisionDefaults.PriorWeight, budget);

    private static IEnumerable<int> Viewers() =>
        Enumerable.Range(0, Nodes).Where(n => !Graph.Value.PublicTrust.TargetsOf(n).IsEmpty).Take(20);

    private delegate void PushRun(PerspectiveView view, RankWorkspace workspace);

    private static (long Operations, float[] Scores) Push(int viewer, PushRun run)
    {
        var view = new PerspectiveView(Graph.Value, Perspective.Of(viewer), TopicIndex.General, TrustQueryOptions.Default.TopicFallbackDiscount);
        var workspace = new RankWorkspace();
        workspace.Prepare(Nodes, exact: false, best: PrecisionDefaults.HighTop + 1);
        run(view, workspace);
        var scores = new float[Nodes];
        for (var i = 0; i < workspace.TouchedCount; i++)
        {
            scores[workspace.Touched[i]] = workspace.Push[workspace.Touched[i]].Score;
        }

        return (workspace.EdgeOperations, scores);
    }
}
