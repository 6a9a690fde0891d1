using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// Personalized PageRank by PowerPush (Wu, Wang, Wei and Lin, SIGMOD 2021): forward push from the viewer that stops on
/// an l1 bound, the total residual left, instead of on a per-node threshold. A local phase pushes FIFO with a per-degree
/// threshold θ that falls by 4× each time the queue drains while the residual is still above the target; once the
/// local phase has followed a fixed share of the graph's edges it switches to global sweeps: Gauss–Seidel passes over
/// the nodes in index order (no queue, so the inner loop is a plain scatter of residual), each pushing every node that
/// holds residual (or, with a sweep factor, those above that factor times the mean residual per edge), until the
/// residual left is at most λ. Small dense graphs end in
/// sweeps, large graphs stay local. Every step is an ordinary push, so (as in <see cref="ForwardPush"/>) the estimate
/// (p + α·r)/(1 − R) never exceeds exact PPR; mass returning to the viewer is held aside (R) as there.
/// Thresholds use the public out-degree, so no private or community statement changes which nodes get pushed; rows
/// that are not plain go through <see cref="PerspectiveView.Trust"/>.
/// </summary>
internal static class PowerPush
{
    /// <summary>The local phase switches to global sweeps once it has followed EdgeCount / SwitchDivisor edges.</summary>
    internal const int SwitchDivisor = 32;


    /// <summary>The local threshold falls by this factor each time the queue drains above the target.</summary>
    internal const float ThresholdStep = 0.25f;

    /// <summary>
    /// Runs until the residual left, scaled as the estimates are, is at most <paramref name="lambda"/>.
    /// <paramref name="sweepFactor"/>: a sweep pushes u when r(u) ≥ sweepFactor · (residual left / edges) · max(1, degree)
    /// (0: every node holding residual). <paramref name="localBudget"/>: edge operations of the local phase before it
    /// switches to sweeps; null = max(1024, public trust edges / <see cref="SwitchDivisor"/>).
    /// </summary>
    internal static void Run(in PerspectiveView view, RankWorkspace workspace, float alpha, float lambda, float sweepFactor = 0, long? localBudget = null)
    {
        var dense = view.Snapshot.PublicTrust;
        var start = dense.Start;
        var nodes = workspace.Push;
        var score = workspace.Score;
        var touched = workspace.Touched;
        var queue = workspace.Queue;
        var capacity = queue.Length;
        var keep = 1 - alpha;
        var edges = Math.Max(1, dense.EdgeCount);
        var touchedCount = workspace.TouchedCount;
        long pushes = 1, edgeOperations = 0;
        var budget = localBudget ?? Math.Max(1024, dense.EdgeCount / SwitchDivisor);
        var viewer = view.Viewer;

        // The viewer's one push (its row is never plain: it may hold private statements).
        touched[touchedCount++] = viewer;
        nodes[viewer] = new PushNode { Residual = 0, Limit = float.PositiveInfinity };
        score[viewer] = alpha;
        int head = 0, tail = 0, count = 0;
        var threshold = lambda;
        double remaining = keep - SlowRow(view, viewer, keep, threshold, workspace, ref touchedCount, ref tail, ref count);
        var global = false;
        while (true)
        {
            // Local phase: FIFO push at the current threshold.
            while (count > 0)
            {
                var node = queue[head];
                head = head + 1 == capacity ? 0 : head + 1;
                count--;
                pushes++;
                int begin = start[node], end = start[node + 1];
                ref var pushed = ref nodes[node];
                var mass = pushed.Residual;
                pushed.Residual = 0;
                pushed.Limit = threshold * Math.Max(1, end - begin);
                score[node] += alpha * mass;
                var spread = keep * mass;
                remaining -= alpha * mass;

                // Counted by the public degree on both paths: when the phase switches must not depend on whether a
                // row is plain, since a statement the viewer cannot see can make it not plain.
                edgeOperations += end - begin;
                if (!view.IsPlain(node))
                {
                    remaining -= SlowRow(view, node, spread, threshold, workspace, ref touchedCount, ref tail, ref count);
                }
                else if (begin == end)
                {
                    remaining -= spread;
                }
                else
                {
                    var share = spread / dense.Sums![node];
                    var targets = dense.Targets;
                    var values = dense.Values;
                    for (var i = begin; i < end; i++)
                    {
                        Add(nodes, start, touched, queue, targets[i], share * values[i], threshold, ref touchedCount, ref tail, ref count, capacity);
                    }
                }

                if (edgeOperations >= budget)
                {
                    global = true;
                    break;
                }
            }

            var returned = nodes[viewer].Residual;
            global |= edgeOperations >= budget;
            if (global || remaining - returned <= lambda * (1 - returned))
            {
                break;
            }

            // The queue drained above the target: lower the threshold and queue the touched nodes now due.
            threshold *= ThresholdStep;
            head = tail = count = 0;
            for (var i = 0; i < touchedCount; i++)
            {
                var node = touched[i];
                if (node == viewer)
                {
                    continue;
                }

                ref var state = ref nodes[node];
                var limit = threshold * Math.Max(1, start[node + 1] - start[node]);
                if (state.Residual >= limit)
                {
                    queue[tail++] = node;
                    count++;
                    state.Limit = float.PositiveInfinity;
                }
                else
                {
                    state.Limit = limit;
                }
            }

            if (count == 0 && threshold < 1e-30f)
            {
                break;
            }
        }

        workspace.Sweeps = 0;
        if (global)
        {
            remaining = Sweeps(view, workspace, alpha, lambda, sweepFactor, remaining, ref pushes, ref edgeOperations);

            // Sweeps do not list the nodes they touch; list every node with state now.
            touchedCount = 0;
            for (var node = 0; node < nodes.Length && node < view.NodeCount; node++)
            {
                if (nodes[node].Limit != 0 || nodes[node].Residual != 0 || score[node] != 0)
                {
                    touched[touchedCount++] = node;
                }
            }
        }

        var back = nodes[viewer].Residual;
        nodes[viewer].Residual = 0;
        var scale = 1 / (1 - Math.Min(back, 0.999999f));
        for (var i = 0; i < touchedCount; i++)
        {
            var node = touched[i];
            score[node] = (score[node] + (alpha * nodes[node].Residual)) * scale;
        }

        workspace.TouchedCount = touchedCount;
        workspace.Pushes = pushes;
        workspace.EdgeOperations = edgeOperations;
    }

    /// <summary>
    /// Gauss–Seidel sweeps over all nodes in index order until the scaled residual left is at most λ. The residuals move
    /// into a dense float array for the sweeps (4 B per node, so a 6k-node graph's residuals stay in L1), and back.
    /// </summary>
    private static double Sweeps(in PerspectiveView view, RankWorkspace workspace, float alpha, float lambda, float sweepFactor, double remaining, ref long pushes, ref long edgeOperations)
    {
        var dense = view.Snapshot.PublicTrust;
        var nodes = workspace.Push;
        var score = workspace.Score;
        var keep = 1 - alpha;
        var viewer = view.Viewer;
        var nodeCount = view.NodeCount;
        var edges = Math.Max(1, dense.EdgeCount);
        var residual = workspace.Residual;
        for (var node = 0; node < nodeCount; node++)
        {
            residual[node] = nodes[node].Residual;
        }

        // The viewer's residual is the mass held aside; it stays in nodes[viewer] and collects in `back` meanwhile.
        residual[viewer] = 0;
        var back = nodes[viewer].Residual;
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(residual);
        ref var p0 = ref MemoryMarshal.GetArrayDataReference(score);
        ref var s0 = ref MemoryMarshal.GetArrayDataReference(dense.Start);
        ref var t0 = ref MemoryMarshal.GetArrayDataReference(dense.Targets);
        ref var v0 = ref MemoryMarshal.GetArrayDataReference(dense.Values);
        ref var m0 = ref MemoryMarshal.GetArrayDataReference(dense.Sums!);
        for (var sweep = 0; sweep < 10_000; sweep++)
        {
            var left = remaining - back;
            if (left <= lambda * (1 - back))
            {
                break;
            }

            workspace.Sweeps++;
            var threshold = (float)(sweepFactor * left / edges);
            var pushedAny = false;
            for (var node = 0; node < nodeCount; node++)
            {
                ref var slot = ref Unsafe.Add(ref r0, node);
                var mass = slot;
                if (mass == 0)
                {
                    continue;
                }

                int begin = Unsafe.Add(ref s0, node), end = Unsafe.Add(ref s0, node + 1);
                if (mass < threshold * Math.Max(1, end - begin))
                {
                    continue;
                }

                pushedAny = true;
                pushes++;
                edgeOperations += end - begin;
                slot = 0;
                Unsafe.Add(ref p0, node) += alpha * mass;
                remaining -= alpha * mass;
                var spread = keep * mass;
                if (!view.IsPlain(node))
                {
                    remaining -= SweepSlowRow(view, node, spread, residual);
                    back += residual[viewer];
                    residual[viewer] = 0;
                    continue;
                }

                if (begin == end)
                {
                    remaining -= spread;
                    continue;
                }

                var share = spread / Unsafe.Add(ref m0, node);
                for (var i = begin; i < end; i++)
                {
                    Unsafe.Add(ref r0, Unsafe.Add(ref t0, i)) += share * Unsafe.Add(ref v0, i);
                }

                // Mass that reached the viewer is held aside.
                back += residual[viewer];
                residual[viewer] = 0;
            }

            if (!pushedAny)
            {
                // Nothing was due: lower the bar; with no bar left, what remains is rounding in `remaining`.
                if (threshold == 0)
                {
                    break;
                }

                sweepFactor *= ThresholdStep;
            }
        }

        for (var node = 0; node < nodeCount; node++)
        {
            nodes[node].Residual = residual[node];
            residual[node] = 0;
        }

        nodes[viewer].Residual = back;
        return remaining;
    }

    /// <summary>A sweep's push of a row that is not plain; returns the mass dropped (all of it for a dangling row).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float SweepSlowRow(in PerspectiveView view, int node, float spread, float[] residual)
    {
        var row = view.Trust(node);
        var normaliser = RowShares.Normaliser(row, view.FallbackDiscount, out var byWeight);
        if (normaliser == 0)
        {
            return spread;
        }

        var share = spread / normaliser;
        foreach (var edge in row)
        {
            residual[edge.To] += share * (byWeight ? edge.Weight : edge.Value);
        }

        return 0;
    }

    /// <summary>
    /// Pushes <paramref name="spread"/> over a row that is not plain (the viewer's, or one with topic or community
    /// statements); returns the mass dropped (all of it for a dangling row, else 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float SlowRow(in PerspectiveView view, int node, float spread, float threshold, RankWorkspace workspace, ref int touchedCount, ref int tail, ref int count)
    {
        var row = view.Trust(node);
        var normaliser = RowShares.Normaliser(row, view.FallbackDiscount, out var byWeight);
        if (normaliser == 0)
        {
            return spread;
        }

        var start = view.Snapshot.PublicTrust.Start;
        var ring = workspace.Queue;
        var share = spread / normaliser;
        foreach (var edge in row)
        {
            var amount = share * (byWeight ? edge.Weight : edge.Value);
            Add(workspace.Push, start, workspace.Touched, ring, edge.To, amount, threshold, ref touchedCount, ref tail, ref count, ring.Length);
        }

        return 0;
    }

    /// <summary>As <c>ForwardPush.Add</c>: adds residual, lists a first-touched node, queues a node that is due (branch-free).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(PushNode[] nodes, int[] start, int[] touched, int[] queue, int node, float amount, float threshold, ref int touchedCount, ref int tail, ref int count, int capacity)
    {
        ref var target = ref nodes[node];
        var residual = target.Residual += amount;
        var limit = target.Limit;
        if (limit == 0)
        {
            touched[touchedCount++] = node;
            limit = threshold * Math.Max(1, start[node + 1] - start[node]);
        }

        var due = residual >= limit ? 1 : 0;
        queue[tail] = node;
        tail += due;
        count += due;
        tail = tail == capacity ? 0 : tail;
        target.Limit = due != 0 ? float.PositiveInfinity : limit;
    }
}
