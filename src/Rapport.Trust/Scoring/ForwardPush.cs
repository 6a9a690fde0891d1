using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// Personalized PageRank by forward push (Andersen, Chung and Lang 2006) from the viewer: the viewer starts with
/// residual 1; pushing u settles α·r(u) as u's score and spreads (1 − α)·r(u) over u's trust row by its shares
/// (<see cref="RowShares"/>). A node is queued while r(u) ≥ ε·max(1, public out-degree of u); the degree is the public
/// one so that no private or community statement changes which nodes get pushed. Mass returning to the viewer is
/// held aside (R) and accounted for by scaling. FIFO order, so results are deterministic. <see cref="PushEstimate"/>
/// turns what is settled and what is left into the estimates.
/// </summary>
internal static class ForwardPush
{
    /// <summary>Pushes at one threshold ε until no node is due.</summary>
    internal static void Run(in PerspectiveView view, RankWorkspace workspace, float alpha, float threshold, float priorWeight = 0)
    {
        var state = Start(view, workspace);
        Drain(view, workspace, alpha, threshold, ref state);
        Finish(view, workspace, alpha, priorWeight, state);
    }

    /// <summary>
    /// Pushes at <paramref name="from"/>, then, while the estimate ranked <paramref name="best"/> leads the next one by
    /// less than <paramref name="gap"/> of itself, lowers the threshold by <paramref name="step"/> and pushes on, until
    /// the threshold would fall below <paramref name="floor"/> or the deeper rounds have followed <paramref name="budget"/>
    /// times the first round's edge operations (the FIFO stops where it is, so nodes nearest in queue order were
    /// refined first; <see cref="float.PositiveInfinity"/> = no budget). A near-tie at the top-k boundary is where more push still
    /// changes which nodes are in the top k (the order inside it does not matter to top-k recall); a query whose boundary
    /// is clear stops after one threshold.
    /// </summary>
    internal static void RunUntilSeparated(in PerspectiveView view, RankWorkspace workspace, float alpha, float from, float floor, float step, int best, float gap, float priorWeight, float budget = float.PositiveInfinity)
    {
        var state = Start(view, workspace);
        best = Math.Clamp(best, 1, PushEstimate.MaxStableBest);

        // One more than the top k, so the boundary's gap can be read.
        Span<int> ids = stackalloc int[best + 1];
        Span<float> scores = stackalloc float[best + 1];
        var threshold = from;
        Drain(view, workspace, alpha, threshold, ref state);
        var stopAt = float.IsPositiveInfinity(budget) ? long.MaxValue : state.EdgeOperations + (long)(budget * state.EdgeOperations);
        while (threshold * step >= floor && state.EdgeOperations < stopAt)
        {
            workspace.TouchedCount = state.TouchedCount;
            var found = PushEstimate.BestIds(workspace, view.InnerViewer, alpha, priorWeight, ids, scores);
            if (found <= best || scores[best - 1] - scores[best] >= gap * scores[best - 1])
            {
                break;
            }

            threshold *= step;
            Requeue(view, workspace, threshold, ref state);
            Drain(view, workspace, alpha, threshold, ref state, stopAt);
        }

        Finish(view, workspace, alpha, priorWeight, state);
    }

    private static PushState Start(in PerspectiveView view, RankWorkspace workspace)
    {
        var viewer = view.InnerViewer;
        var state = new PushState { TouchedCount = workspace.TouchedCount };
        workspace.Touched[state.TouchedCount++] = viewer;
        workspace.Push[viewer] = new PushNode { Residual = 1, Limit = float.PositiveInfinity, Prior = view.Snapshot.PublicPriorRank[viewer] };
        workspace.Queue[state.Tail++] = viewer;
        return state;
    }

    private static void Finish(in PerspectiveView view, RankWorkspace workspace, float alpha, float priorWeight, in PushState state)
    {
        workspace.TouchedCount = state.TouchedCount;
        workspace.Pushes = state.Pushes;
        workspace.EdgeOperations = state.EdgeOperations;
        PushEstimate.Finish(workspace, view.InnerViewer, alpha, priorWeight > 0 ? view.Snapshot.PublicPriorRank : null, priorWeight);
    }

    /// <summary>After the threshold fell: every touched node gets its new limit, and those now due are queued.</summary>
    private static void Requeue(in PerspectiveView view, RankWorkspace workspace, float threshold, ref PushState state)
    {
        var start = view.Snapshot.PublicTrust.Start;
        var nodes = workspace.Push;
        var touched = workspace.Touched;
        var queue = workspace.Queue;
        var tail = 0;
        for (var i = 0; i < state.TouchedCount; i++)
        {
            var node = touched[i];
            if (node == view.InnerViewer)
            {
                continue;
            }

            ref var slot = ref nodes[node];
            var limit = threshold * Math.Max(1, start[node + 1] - start[node]);
            if (slot.Residual >= limit)
            {
                queue[tail++] = node;
                slot.Limit = float.PositiveInfinity;
            }
            else
            {
                slot.Limit = limit;
            }
        }

        state.Head = 0;
        state.Tail = tail;
    }

    /// <summary>
    /// FIFO push at <paramref name="threshold"/> until the queue is empty. The edge loop is the engine's hot path: array
    /// reads go through refs without bounds checks (every index is a node id or edge position of the snapshot, which
    /// <see cref="TrustSnapshot"/> validated when it was built), and queueing is branch-free (which nodes are due is
    /// data-dependent, and mispredictions cost more than the arithmetic): the tail slot is written every time and
    /// advances by 0 or 1, wrapping by mask.
    /// </summary>
    private static void Drain(in PerspectiveView view, RankWorkspace workspace, float alpha, float threshold, ref PushState state, long stopAt = long.MaxValue)
    {
        var dense = view.Snapshot.PublicTrust;
        ref var start = ref MemoryMarshal.GetArrayDataReference(dense.Start);
        ref var targets = ref MemoryMarshal.GetArrayDataReference(dense.Targets);
        ref var values = ref MemoryMarshal.GetArrayDataReference(dense.Values);
        ref var sums = ref MemoryMarshal.GetArrayDataReference(dense.Sums!);
        ref var flags = ref MemoryMarshal.GetArrayDataReference(view.Snapshot.RowFlags);
        ref var prior = ref MemoryMarshal.GetArrayDataReference(view.Snapshot.PublicPriorRank);
        var slowRows = view.SlowRows;
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(workspace.Push);
        ref var touched = ref MemoryMarshal.GetArrayDataReference(workspace.Touched);
        ref var queue = ref MemoryMarshal.GetArrayDataReference(workspace.Queue);
        var mask = workspace.QueueMask;
        var keep = 1 - alpha;
        var viewer = view.InnerViewer;
        int head = state.Head, tail = state.Tail, touchedCount = state.TouchedCount;
        long pushes = state.Pushes, edgeOperations = state.EdgeOperations;
        while (head != tail && edgeOperations < stopAt)
        {
            var node = Unsafe.Add(ref queue, head);
            head = (head + 1) & mask;
            pushes++;
            int begin = Unsafe.Add(ref start, node), end = Unsafe.Add(ref start, node + 1);
            ref var pushed = ref Unsafe.Add(ref nodes, node);
            var mass = pushed.Residual;
            pushed.Residual = 0;

            // The viewer stays "queued" after its one push, so mass coming back gathers in its residual (R).
            pushed.Limit = node == viewer ? float.PositiveInfinity : threshold * Math.Max(1, end - begin);
            pushed.Score += alpha * mass;
            var spread = keep * mass;
            if (node == viewer || (Unsafe.Add(ref flags, node) & slowRows) != 0)
            {
                PushRow(view, node, spread, threshold, workspace, ref touchedCount, ref tail);
                continue;
            }

            var share = spread / Unsafe.Add(ref sums, node);
            edgeOperations += end - begin;
            for (var i = begin; i < end; i++)
            {
                var to = Unsafe.Add(ref targets, i);
                ref var target = ref Unsafe.Add(ref nodes, to);
                var residual = target.Residual += share * Unsafe.Add(ref values, i);
                var limit = target.Limit;
                if (limit == 0)
                {
                    Unsafe.Add(ref touched, touchedCount++) = to;
                    limit = threshold * Math.Max(1, Unsafe.Add(ref start, to + 1) - Unsafe.Add(ref start, to));
                    target.Limit = limit;
                    target.Prior = Unsafe.Add(ref prior, to);
                }

                if (residual >= limit)
                {
                    Unsafe.Add(ref queue, tail) = to;
                    tail = (tail + 1) & mask;
                    target.Limit = float.PositiveInfinity;
                }
            }
        }

        state = new PushState { Head = head, Tail = tail, TouchedCount = touchedCount, Pushes = pushes, EdgeOperations = edgeOperations };
    }

    /// <summary>Pushes a row that is not plain (the viewer's, or one with topic or community statements).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PushRow(in PerspectiveView view, int node, float spread, float threshold, RankWorkspace workspace, ref int touchedCount, ref int tail)
    {
        var row = view.InnerTrust(node);
        var normaliser = RowShares.Normaliser(row, view.FallbackDiscount, out var byWeight);
        if (normaliser == 0)
        {
            return;
        }

        var start = view.Snapshot.PublicTrust.Start;
        var prior = view.Snapshot.PublicPriorRank;
        var nodes = workspace.Push;
        var touched = workspace.Touched;
        var queue = workspace.Queue;
        var mask = workspace.QueueMask;
        var share = spread / normaliser;
        foreach (var edge in row)
        {
            var amount = share * (byWeight ? edge.Weight : edge.Value);
            ref var target = ref nodes[edge.To];
            var residual = target.Residual += amount;
            var limit = target.Limit;
            if (limit == 0)
            {
                touched[touchedCount++] = edge.To;
                limit = threshold * Math.Max(1, start[edge.To + 1] - start[edge.To]);
                target.Prior = prior[edge.To];
            }

            var due = residual >= limit;
            queue[tail] = edge.To;
            tail = (tail + (due ? 1 : 0)) & mask;
            target.Limit = due ? float.PositiveInfinity : limit;
        }
    }

    /// <summary>The FIFO ring's position and the work counters between phases of one query.</summary>
    private struct PushState
    {
        public int Head;
        public int Tail;
        public int TouchedCount;
        public long Pushes;
        public long EdgeOperations;
    }
}
