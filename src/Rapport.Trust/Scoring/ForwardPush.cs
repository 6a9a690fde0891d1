using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// Personalized PageRank by forward push (Andersen, Chung and Lang 2006) from the viewer: the viewer starts with
/// residual 1; pushing u settles α·r(u) as u's score and spreads (1 − α)·r(u) over u's trust row by its shares
/// (<see cref="RowShares"/>). A node is queued while r(u) ≥ ε·max(1, public out-degree of u); the degree is the public
/// one so that no private or community statement changes which nodes get pushed. Mass returning to the viewer is
/// held aside and accounted for by scaling. At the end each node's estimate is (p(u) + α·r(u)) / (1 − R): still never
/// above exact PPR, and the sum never above 1. FIFO order, so results are deterministic.
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
        var residual = workspace.Residual;
        var state = workspace.State;
        var touched = workspace.Touched;
        var queue = workspace.Queue;
        var capacity = queue.Length;
        var discount = view.FallbackDiscount;
        var keep = 1 - alpha;
        var touchedCount = workspace.TouchedCount;
        int head = 0, tail = 0, count = 0;
        var returned = 0.0;

        var viewer = view.Viewer;
        if ((state[viewer] & RankWorkspace.TouchedFlag) == 0)
        {
            touched[touchedCount++] = viewer;
        }

        state[viewer] = RankWorkspace.TouchedFlag | RankWorkspace.QueuedFlag;
        residual[viewer] = 1;
        queue[tail++] = viewer;
        count = 1;
        while (count > 0)
        {
            var node = queue[head];
            head = head + 1 == capacity ? 0 : head + 1;
            count--;
            state[node] = RankWorkspace.TouchedFlag;
            var mass = residual[node];
            residual[node] = 0;
            score[node] += alpha * mass;
            var spread = keep * mass;
            int begin, end;
            float share;
            if (view.IsPlain(node))
            {
                begin = start[node];
                end = start[node + 1];
                if (begin == end)
                {
                    continue;
                }

                share = spread / sums[node];
                for (var i = begin; i < end; i++)
                {
                    var to = targets[i];
                    if (to == viewer)
                    {
                        returned += share * values[i];
                        continue;
                    }

                    var r = residual[to] += share * values[i];
                    var flags = state[to];
                    if ((flags & RankWorkspace.QueuedFlag) != 0)
                    {
                        continue;
                    }

                    if ((flags & RankWorkspace.TouchedFlag) == 0)
                    {
                        touched[touchedCount++] = to;
                        state[to] = flags = RankWorkspace.TouchedFlag;
                    }

                    if (r >= threshold * Math.Max(1, start[to + 1] - start[to]))
                    {
                        state[to] = (byte)(flags | RankWorkspace.QueuedFlag);
                        queue[tail] = to;
                        tail = tail + 1 == capacity ? 0 : tail + 1;
                        count++;
                    }
                }

                continue;
            }

            var row = view.Trust(node);
            var normaliser = RowShares.Normaliser(row, discount, out var byWeight);
            if (normaliser == 0)
            {
                continue;
            }

            share = spread / normaliser;
            foreach (var edge in row)
            {
                var to = edge.To;
                if (to == viewer)
                {
                    returned += share * (byWeight ? edge.Weight : edge.Value);
                    continue;
                }

                var r = residual[to] += share * (byWeight ? edge.Weight : edge.Value);
                var flags = state[to];
                if ((flags & RankWorkspace.QueuedFlag) != 0)
                {
                    continue;
                }

                if ((flags & RankWorkspace.TouchedFlag) == 0)
                {
                    touched[touchedCount++] = to;
                    state[to] = flags = RankWorkspace.TouchedFlag;
                }

                if (r >= threshold * Math.Max(1, start[to + 1] - start[to]))
                {
                    state[to] = (byte)(flags | RankWorkspace.QueuedFlag);
                    queue[tail] = to;
                    tail = tail + 1 == capacity ? 0 : tail + 1;
                    count++;
                }
            }
        }

        // Residual left at u would settle at least α·r(u) at u itself, so p + α·r is still a lower bound of exact PPR
        // and a much better estimate for a hub whose residual stayed under its degree-scaled threshold. Mass that came
        // back to the viewer (R in all) would spread exactly as the first unit did, so every score is 1/(1 − R) times
        // what one pass gives: scaling instead of pushing it again is exact in the limit and keeps the lower bound.
        var scale = (float)(1 / (1 - Math.Min(returned, 0.999999)));
        for (var i = 0; i < touchedCount; i++)
        {
            var node = touched[i];
            score[node] = (score[node] + (alpha * residual[node])) * scale;
        }

        workspace.TouchedCount = touchedCount;
    }
}
