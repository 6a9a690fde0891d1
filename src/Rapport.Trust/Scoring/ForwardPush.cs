using System.Runtime.CompilerServices;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// Personalized PageRank by forward push (Andersen, Chung and Lang 2006) from the viewer: the viewer starts with
/// residual 1; pushing u settles α·r(u) as u's score and spreads (1 − α)·r(u) over u's trust row by its shares
/// (<see cref="RowShares"/>). A node is queued while r(u) ≥ ε·max(1, public out-degree of u); the degree is the public
/// one so that no private or community statement changes which nodes get pushed. Mass returning to the viewer is
/// held aside (R) and accounted for by scaling. At the end each node's estimate is (p(u) + α·r(u)) / (1 − R): still
/// never above exact PPR, and the sum never above 1. FIFO order, so results are deterministic.
/// </summary>
internal static class ForwardPush
{
    internal static void Run(in PerspectiveView view, RankWorkspace workspace, float alpha, float threshold)
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
        var touchedCount = workspace.TouchedCount;
        int head = 0, tail = 0, count = 0;
        long pushes = 0, edgeOperations = 0;

        var viewer = view.Viewer;
        touched[touchedCount++] = viewer;
        nodes[viewer] = new PushNode { Residual = 1, Limit = float.PositiveInfinity };
        queue[tail++] = viewer;
        count = 1;
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

        // Residual left at u would settle at least α·r(u) at u itself, so p + α·r is still a lower bound of exact PPR
        // and a much better estimate for a hub whose residual stayed under its degree-scaled threshold. Mass that came
        // back to the viewer (R in all) would spread exactly as the first unit did, so every score is 1/(1 − R) times
        // what one pass gives: scaling instead of pushing it again is exact in the limit and keeps the lower bound.
        var returned = nodes[viewer].Residual;
        nodes[viewer].Residual = 0;
        var scale = 1 / (1 - Math.Min(returned, 0.999999f));
        for (var i = 0; i < touchedCount; i++)
        {
            var node = touched[i];
            score[node] = (score[node] + (alpha * nodes[node].Residual)) * scale;
        }

        workspace.TouchedCount = touchedCount;
        workspace.Pushes = pushes;
        workspace.EdgeOperations = edgeOperations;
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
