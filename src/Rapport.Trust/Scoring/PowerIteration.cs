using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// Exact personalized PageRank, the reference the push tiers are measured against: synchronous (Jacobi) rounds in
/// double precision, every round moving all residual mass one hop, until the residual mass left is below
/// <see cref="Tolerance"/> (each score is then within that of the fixed point). Same rows and shares as
/// <see cref="ForwardPush"/>. Cost: about log(tolerance)/log(1 − α) ≈ 140 rounds over the reachable graph.
/// </summary>
internal static class PowerIteration
{
    internal const double Tolerance = 1e-10;

    private const int MaxRounds = 100_000;

    internal static void Run(in PerspectiveView view, RankWorkspace workspace, float alpha)
    {
        var dense = view.Snapshot.PublicTrust;
        var score = workspace.ExactScore;
        var residual = workspace.ExactResidual;
        var next = workspace.ExactNext;
        var active = workspace.Active;
        var nextActive = workspace.NextActive;
        var discount = view.FallbackDiscount;
        double keep = 1 - (double)alpha;

        workspace.Touch(view.Viewer);
        residual[view.Viewer] = 1;
        active[0] = view.Viewer;
        var activeCount = 1;
        var left = 1.0;
        for (var round = 0; round < MaxRounds && left > Tolerance && activeCount > 0; round++)
        {
            var nextCount = 0;
            left = 0;
            for (var a = 0; a < activeCount; a++)
            {
                var node = active[a];
                var mass = residual[node];
                residual[node] = 0;
                score[node] += alpha * mass;
                var spread = keep * mass;
                if (view.IsPlain(node))
                {
                    int begin = dense.Start[node], end = dense.Start[node + 1];
                    if (begin == end)
                    {
                        continue;
                    }

                    var perWeight = spread / dense.Sums![node];
                    for (var i = begin; i < end; i++)
                    {
                        left += Add(workspace, dense.Targets[i], perWeight * dense.Values[i], next, nextActive, ref nextCount);
                    }

                    continue;
                }

                var row = view.Trust(node);
                var normaliser = RowShares.Normaliser(row, discount, out var byWeight);
                if (normaliser == 0)
                {
                    continue;
                }

                var share = spread / normaliser;
                foreach (var edge in row)
                {
                    left += Add(workspace, edge.To, share * (byWeight ? edge.Weight : edge.Value), next, nextActive, ref nextCount);
                }
            }

            for (var a = 0; a < nextCount; a++)
            {
                workspace.UnmarkActive(nextActive[a]);
            }

            (residual, next) = (next, residual);
            (active, nextActive) = (nextActive, active);
            activeCount = nextCount;
        }

        var result = workspace.Score;
        for (var i = 0; i < workspace.TouchedCount; i++)
        {
            var node = workspace.Touched[i];
            result[node] = (float)score[node];
        }
    }

    private static double Add(RankWorkspace workspace, int node, double amount, double[] next, int[] nextActive, ref int nextCount)
    {
        workspace.Touch(node);
        next[node] += amount;
        if (workspace.TryMarkActive(node))
        {
            nextActive[nextCount++] = node;
        }

        return amount;
    }
}
