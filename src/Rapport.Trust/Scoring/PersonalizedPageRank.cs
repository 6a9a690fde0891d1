using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// Personalized PageRank from the viewer: forward push at one threshold for the cheap tier (and for any explicit residual
/// threshold), forward push at a lower threshold, deeper while the top-10 boundary is a near-tie, for the high tier (both ranking by <see cref="PushEstimate"/>), power
/// iteration for exact; then one-step distrust and the best nodes. Rents a pooled workspace, so a steady-state query allocates nothing.
/// </summary>
internal static class PersonalizedPageRank
{
    internal static int Top(in PerspectiveView view, TrustQueryOptions options, Span<ScoredNode> into)
    {
        var alpha = options.Alpha;
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Alpha is in (0, 1).");
        }

        var exact = options.Tier == PrecisionTier.Exact;
        var threshold = options.ResidualThreshold ?? (exact ? PrecisionDefaults.Cheap : PrecisionDefaults.Cheap * PrecisionDefaults.SizeScale(view.Snapshot.PublicPeople));
        if (!(threshold > 0) || float.IsInfinity(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The residual threshold is a positive number.");
        }

        var workspace = WorkspacePool<RankWorkspace>.Rent();
        try
        {
            workspace.Prepare(view.NodeCount, exact, Math.Max(into.Length, PrecisionDefaults.HighTop + 1));
            Scores(view, workspace, alpha, options.Tier, options.ResidualThreshold is null, threshold);
            OneStepDistrust.ApplyInner(view, workspace.Push);
            return TopSelection.Select(workspace, view.InnerViewer, view.Order, into);
        }
        finally
        {
            workspace.Reset();
            WorkspacePool<RankWorkspace>.Return(workspace);
        }
    }

    /// <summary>PPR scores (before distrust) into <see cref="PushNode.Score"/> of the touched nodes.</summary>
    internal static void Scores(in PerspectiveView view, RankWorkspace workspace, float alpha, PrecisionTier tier, bool tierDefault, float threshold)
    {
        if (tier == PrecisionTier.Exact)
        {
            PowerIteration.Run(view, workspace, alpha);
        }
        else if (tier == PrecisionTier.High && tierDefault)
        {
            var scale = PrecisionDefaults.SizeScale(view.Snapshot.PublicPeople);
            ForwardPush.RunUntilSeparated(view, workspace, alpha, PrecisionDefaults.High * scale, PrecisionDefaults.HighFloor * scale, PrecisionDefaults.HighStep,
                PrecisionDefaults.HighTop, PrecisionDefaults.BoundaryGap, PrecisionDefaults.PriorWeight, PrecisionDefaults.HighBudget);
        }
        else
        {
            ForwardPush.Run(view, workspace, alpha, threshold, PrecisionDefaults.PriorWeight);
        }
    }
}
