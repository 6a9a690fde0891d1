using System.Runtime.CompilerServices;
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
    /// Pushes at <paramref name="from"/>, then lowers the threshold by <paramref name="step"/> each time no node is due,
    /// until the best <paramref name="best"/> estimates (as a set) came out the same after <paramref name="stableRounds"/>
    /// successive lowerings, or the threshold would fall below <paramref name="floor"/>.
    /// </summary>
    internal static void RunUntilStable(in PerspectiveView view, RankWorkspace workspace, float alpha, float from, float floor, float step, int stableRounds, int best, float priorWeight)
    {
        var prior = view.Snapshot.PublicPriorRank;
        var state = Start(view, workspace);
        Span<int> previous = stackalloc int[Math.Clamp(best, 1, PushEstimate.MaxStableBest)];
        Span<int> current = stackalloc int[previous.Length];
        var threshold = from;
        var known = 0;
        var stable = 0;
        Drain(view, workspace, alpha, threshold, ref state);
        while (threshold * step >= floor)
        {
            workspace.TouchedCount = state.TouchedCount;
            var found = PushEstimate.BestIds(workspace, view.Viewer, alpha, prior, priorWeight, current);
            stable = found == known && current[..found].SequenceEqual(previous[..known]) ? stable + 1 : 0;
            if (stable >= stableRounds)
            {
                break;
            }

            current[..found].CopyTo(previous);
            known = found;
            threshold *= step;
            Requeue(view, workspace, threshold, ref state);
            Drain(view, workspace, alpha, threshold, ref state);
        }

        Finish(view, workspace, alpha, priorWeight, state);
    }

    private static PushState Start(in PerspectiveView view, RankWorkspace workspace)
    {
        var viewer = view.Viewer;
        var state = new PushState { TouchedCount = workspace.TouchedCount };
        workspace.Touched[state.TouchedCount++] = viewer;
        workspace.Push[viewer] = new PushNode { Residual = 1, Limit = float.PositiveInfinity };
        workspace.Queue[state.Tail++] = viewer;
        state.Count = 1;
        return state;
    }

    private static void Finish(in PerspectiveView view, RankWorkspace workspace, float alpha, float priorWeight, in PushState state)
    {
        workspace.TouchedCount = state.TouchedCount;
        workspace.Pushes = state.Pushes;
        workspace.EdgeOperations = state.EdgeOperations;
        PushEstimate.Finish(workspace, view.Viewer, alpha, priorWeight > 0 ? view.Snapshot.PublicPriorRank : null, priorWeight);
    }

    /// <summary>After the threshold fell: every touched node gets its new limit, and those now due are queued.</summary>
    private static void Requeue(in PerspectiveView view, RankWorkspace workspace, float threshold, ref PushState state)
    {
        var start = view.Snapshot.PublicTrust.Start;
        var nodes = workspace.Push;
        var touched = workspace.Touched;
        var queue = workspace.Queue;
        state.Head = state.Tail = state.Count = 0;
        for (var i = 0; i < state.TouchedCount; i++)
        {
            var node = touched[i];
            if (node == view.Viewer)
            {
                continue;
            }

            ref var slot = ref nodes[node];
            var limit = threshold * Math.Max(1, start[node + 1] - start[node]);
            if (slot.Residual >= limit)
            {
                queue[state.Tail++] = node;
                state.Count++;
                slot.Limit = float.PositiveInfinity;
            }
            else
            {
                slot.Limit = limit;
            }
        }
    }

    /// <summary>FIFO push at <paramref name="threshold"/> until the queue is empty.</summary>
    private static void Drain(in PerspectiveView view, RankWorkspace workspace, float alpha, float threshold, ref PushState state)
    {
        var dense = view.Snapshot.PublicTrust;
        var start = dense.Start;
        var targets = dense.Targets;
        var values = dense.Values;
        var sums = dense.Sums!;
        var score = workspace.Score;
        var nodes = workspace.Push;
        var touched = workspace.Touched;
        var queue = workspace.Queue;
        var capacity = queue.Length;
        var keep = 1 - alpha;
        var viewer = view.Viewer;
        int head = state.Head, tail = state.Tail, count = state.Count, touchedCount = state.TouchedCount;
        long pushes = state.Pushes, edgeOperations = state.EdgeOperations;
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

            // The viewer stays "queued" after its one push, so mass coming back gathers in its residual (R).
            pushed.Limit = node == viewer ? float.PositiveInfinity : threshold * Math.Max(1, end - begin);
            score[node] += alpha * mass;
            var spread = keep * mass;
            if (!view.IsPlain(node))
            {
                PushRow(view, node, spread, threshold, workspace, ref touchedCount, ref tail, ref count);
                continue;
            }

            if (begin == end)
            {
                continue;
            }

            var share = spread / sums[node];
            edgeOperations += end - begin;
            for (var i = begin; i < end; i++)
            {
                Add(nodes, start, touched, queue, targets[i], share * values[i], threshold, ref touchedCount, ref tail, ref count, capacity);
            }
        }

        state = new PushState { Head = head, Tail = tail, Count = count, TouchedCount = touchedCount, Pushes = pushes, EdgeOperations = edgeOperations };
    }

    /// <summary>Pushes a row that is not plain (the viewer's, or one with topic or community statements).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PushRow(in PerspectiveView view, int node, float spread, float threshold, RankWorkspace workspace, ref int touchedCount, ref int tail, ref int count)
    {
        var row = view.Trust(node);
        var normaliser = RowShares.Normaliser(row, view.FallbackDiscount, out var byWeight);
        if (normaliser == 0)
        {
            return;
        }

        var start = view.Snapshot.PublicTrust.Start;
        var queue = workspace.Queue;
        var share = spread / normaliser;
        foreach (var edge in row)
        {
            var amount = share * (byWeight ? edge.Weight : edge.Value);
            Add(workspace.Push, start, workspace.Touched, queue, edge.To, amount, threshold, ref touchedCount, ref tail, ref count, queue.Length);
        }
    }

    /// <summary>
    /// Adds residual to a node, lists it the first time it is touched and queues it when the residual reaches its
    /// limit. Queueing is branch-free (which nodes are due is data-dependent, and mispredictions cost more than the
    /// arithmetic): the tail slot is written every time, and the touched list and the ring have one spare slot.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Add(PushNode[] nodes, int[] start, int[] touched, int[] queue, int node, float amount, float threshold, ref int touchedCount, ref int tail, ref int count, int capacity)
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

    /// <summary>The FIFO ring's position and the work counters between phases of one query.</summary>
    private struct PushState
    {
        public int Head;
        public int Tail;
        public int Count;
        public int TouchedCount;
        public long Pushes;
        public long EdgeOperations;
    }
}
