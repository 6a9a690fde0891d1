using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// Exact personalized PageRank, the reference the push tiers are measured against, in double precision until the
/// residual mass left is below <see cref="Tolerance"/> (each score is then within that of the fixed point). Same rows
/// and shares as <see cref="ForwardPush"/>. Two phases, both pushes (settle α·r(u) at u, spread (1 − α)·r(u) over u's
/// row), so the invariant p + PPR(r) = PPR(viewer) holds throughout and the result does not depend on the order:
/// <list type="number">
/// <item>synchronous (Jacobi) rounds over the active nodes only, each moving all residual mass one hop, while the
/// mass sits on few nodes (a query on a small or local graph ends here);</item>
/// <item>once the active nodes are more than 1/<see cref="DenseShare"/> of the graph, in-place (Gauss–Seidel) sweeps
/// over every node in id order: no active lists, no second array, and mass pushed to a later node moves on within the
/// same sweep, so a sweep moves it more than one hop (about half the rounds of Jacobi).</item>
/// </list>
/// On the 10M-edge synthetic graph the Jacobi rounds alone did ~140 passes over the whole graph, each edge through the
/// active-list bookkeeping (82.5 s per query); now 3–4 sparse rounds and 68–69 sweeps whose edge loop is one add.
/// </summary>
internal static class PowerIteration
{
    internal const double Tolerance = 1e-10;

    /// <summary>Phase 2 starts when more than NodeCount / DenseShare nodes are active.</summary>
    internal const int DenseShare = 16;

    private const int MaxRounds = 100_000;

    internal static void Run(in PerspectiveView view, RankWorkspace workspace, float alpha)
    {
        var score = workspace.ExactScore;
        var residual = workspace.ExactResidual;
        double keep = 1 - (double)alpha;

        workspace.Touch(view.InnerViewer);
        residual[view.InnerViewer] = 1;
        var rounds = SparseRounds(view, workspace, alpha, keep, out var left);
        if (left > Tolerance)
        {
            DenseSweeps(view, workspace, alpha, keep, rounds, left);
        }

        var result = workspace.Push;
        for (var i = 0; i < workspace.TouchedCount; i++)
        {
            var node = workspace.Touched[i];
            result[node].Score = (float)score[node];
        }
    }

    /// <summary>Jacobi rounds over the active nodes while they are few; returns the rounds done and the mass left.</summary>
    private static int SparseRounds(in PerspectiveView view, RankWorkspace workspace, float alpha, double keep, out double left)
    {
        var score = workspace.ExactScore;
        var residual = workspace.ExactResidual;
        var next = workspace.ExactNext;
        var active = workspace.Active;
        var nextActive = workspace.NextActive;
        var denseFrom = view.NodeCount / DenseShare;
        active[0] = view.InnerViewer;
        var activeCount = 1;
        left = 1.0;
        var round = 0;
        for (; round < MaxRounds && left > Tolerance && activeCount > 0 && activeCount <= denseFrom; round++)
        {
            var nextCount = 0;
            left = 0;
            for (var a = 0; a < activeCount; a++)
            {
                var node = active[a];
                var mass = residual[node];
                residual[node] = 0;
                score[node] += alpha * mass;
                left += Spread(view, workspace, node, keep * mass, next, nextActive, ref nextCount, sparse: true);
            }

            for (var a = 0; a < nextCount; a++)
            {
                workspace.UnmarkActive(nextActive[a]);
            }

            (active, nextActive) = (nextActive, active);
            activeCount = nextCount;

            // The new residuals are in next; move them back so phase 2 (in place) and the result read one array.
            for (var a = 0; a < activeCount; a++)
            {
                var node = active[a];
                residual[node] = next[node];
                next[node] = 0;
            }
        }

        if (activeCount == 0)
        {
            left = 0;
        }

        return round;
    }

    /// <summary>
    /// In-place sweeps over every node in id order until the mass left is below the tolerance. Every node is touched
    /// first (most are reached by now), so the edge loop of a plain row is two sequential reads and one add.
    /// </summary>
    private static void DenseSweeps(in PerspectiveView view, RankWorkspace workspace, float alpha, double keep, int rounds, double left)
    {
        var score = workspace.ExactScore;
        var residual = workspace.ExactResidual;
        var nodeCount = view.NodeCount;
        for (var node = 0; node < nodeCount; node++)
        {
            workspace.Touch(node);
        }

        var dense = view.Snapshot.PublicTrust;
        ref var start = ref MemoryMarshal.GetArrayDataReference(dense.Start);
        ref var targets = ref MemoryMarshal.GetArrayDataReference(dense.Targets);
        ref var values = ref MemoryMarshal.GetArrayDataReference(dense.Values);
        ref var sums = ref MemoryMarshal.GetArrayDataReference(dense.Sums!);
        ref var flags = ref MemoryMarshal.GetArrayDataReference(view.Snapshot.RowFlags);
        ref var mass0 = ref MemoryMarshal.GetArrayDataReference(residual);
        var slowRows = view.SlowRows;
        var viewer = view.InnerViewer;
        var nothing = 0;
        for (var sweep = rounds; sweep < MaxRounds && left > Tolerance; sweep++)
        {
            for (var node = 0; node < nodeCount; node++)
            {
                ref var at = ref Unsafe.Add(ref mass0, node);
                var mass = at;
                if (mass == 0)
                {
                    continue;
                }

                at = 0;
                score[node] += alpha * mass;
                if (node == viewer || (Unsafe.Add(ref flags, node) & slowRows) != 0)
                {
                    Spread(view, workspace, node, keep * mass, residual, workspace.Active, ref nothing, sparse: false);
                    continue;
                }

                int begin = Unsafe.Add(ref start, node), end = Unsafe.Add(ref start, node + 1);
                if (begin == end)
                {
                    continue;
                }

                // Every index is a node id or edge position of the snapshot, validated when it was built.
                var perWeight = keep * mass / Unsafe.Add(ref sums, node);
                for (var i = begin; i < end; i++)
                {
                    Unsafe.Add(ref mass0, Unsafe.Add(ref targets, i)) += perWeight * Unsafe.Add(ref values, i);
                }
            }

            left = 0;
            for (var node = 0; node < nodeCount; node++)
            {
                left += residual[node];
            }
        }
    }

    /// <summary>
    /// Spreads <paramref name="spread"/> over <paramref name="node"/>'s trust row into <paramref name="into"/>; returns
    /// the mass spread (0 for an empty row: a dangling node's onward mass is dropped, as in forward push). In the sparse
    /// phase each receiving node is listed once in <paramref name="nextActive"/>.
    /// </summary>
    private static double Spread(in PerspectiveView view, RankWorkspace workspace, int node, double spread, double[] into, int[] nextActive, ref int nextCount, bool sparse)
    {
        double moved = 0;
        if (view.IsPlain(node))
        {
            var dense = view.Snapshot.PublicTrust;
            int begin = dense.Start[node], end = dense.Start[node + 1];
            if (begin == end)
            {
                return 0;
            }

            var perWeight = spread / dense.Sums![node];
            var targets = dense.Targets;
            var values = dense.Values;
            for (var i = begin; i < end; i++)
            {
                var amount = perWeight * values[i];
                Add(workspace, targets[i], amount, into, nextActive, ref nextCount, sparse);
                moved += amount;
            }

            return moved;
        }

        var row = view.InnerTrust(node);
        var normaliser = RowShares.Normaliser(row, view.FallbackDiscount, out var byWeight);
        if (normaliser == 0)
        {
            return 0;
        }

        var share = spread / normaliser;
        foreach (var edge in row)
        {
            var amount = share * (byWeight ? edge.Weight : edge.Value);
            Add(workspace, edge.To, amount, into, nextActive, ref nextCount, sparse);
            moved += amount;
        }

        return moved;
    }

    private static void Add(RankWorkspace workspace, int node, double amount, double[] into, int[] nextActive, ref int nextCount, bool sparse)
    {
        workspace.Touch(node);
        into[node] += amount;
        if (sparse && workspace.TryMarkActive(node))
        {
            nextActive[nextCount++] = node;
        }
    }
}
