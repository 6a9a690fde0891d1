namespace Rapport.Trust.Scoring;

/// <summary>
/// Turns a push's settled scores p and residuals r into the estimates a query ranks by. Residual left at u settles at
/// least α·r(u) at u itself; the rest of it, (1 − α)·r(u), spreads on from u's neighbours, which on most graphs is close
/// to how the public network spreads mass in general, so it is shared out by the public prior
/// (<see cref="PublicPrior"/>): with lower(v) = p(v) + α·r(v), estimate(v) = (lower(v) + min(w·(1 − α)·R·prior(v),
/// <see cref="PriorCap"/>·lower(v))) / (1 − B), where R is the residual left in all, w the prior weight (0 = none: then
/// every estimate is a lower bound of exact PPR) and B the mass that came back to the viewer (held aside: it would spread exactly as the first unit did, so scaling is exact in the limit). The sum of
/// the estimates stays at most 1. Only nodes the push touched (so reachable from the viewer) get an estimate.
/// </summary>
internal static class PushEstimate
{
    /// <summary>The largest set a stopping rule watches (it looks at the head of the ranking only).</summary>
    internal const int MaxStableBest = 16;

    /// <summary>
    /// The prior may add at most this many times what the viewer's own push gave a node (so an estimate is at most 4× a
    /// lower bound of exact PPR). Global PageRank can be bought — a thousand sybils trusting one sybil make it the
    /// graph's top node — so without a cap such a node, once the viewer's push touched it at all, would ride the prior
    /// past people the viewer's own walk reaches well. 3 costs the least recall of {1, 3, ∞} that still bounds it
    /// (docs/trust-engine.md); 1 drops the cheap tier below 0.8 on the Bitcoin graphs.
    /// </summary>
    internal const float PriorCap = 3;

    /// <summary>
    /// The nodes of the best <c>ids.Length</c> estimates so far (viewer excluded), best first, and their estimates in
    /// <paramref name="scores"/> (same length), without changing any state; returns how many. The common 1/(1 − B) scale
    /// cannot change an order or a relative gap, so it is left out.
    /// </summary>
    internal static int BestIds(RankWorkspace workspace, int viewer, float alpha, float priorWeight, Span<int> ids, Span<float> scores)
    {
        var nodes = workspace.Push;
        var touched = workspace.Touched;
        var touchedCount = workspace.TouchedCount;
        float left = 0;
        for (var i = 0; i < touchedCount; i++)
        {
            left += nodes[touched[i]].Residual;
        }

        left -= nodes[viewer].Residual;
        var spread = priorWeight * (1 - alpha) * left;
        var heap = workspace.Heap.AsSpan(0, Math.Min(ids.Length, workspace.Heap.Length));
        var count = 0;
        for (var i = 0; i < touchedCount; i++)
        {
            var node = touched[i];
            var lower = nodes[node].Score + (alpha * nodes[node].Residual);
            var estimate = lower + Math.Min(spread * nodes[node].Prior, PriorCap * lower);
            if (node != viewer && estimate > 0)
            {
                TopSelection.Offer(heap, ref count, new ScoredNode(node, estimate));
            }
        }

        // Best first: the order of the head matters, not just who is in it.
        for (var last = count - 1; last >= 0; last--)
        {
            ids[last] = heap[0].Node;
            scores[last] = heap[0].Score;

            heap[0] = heap[last];
            TopSelection.SiftDown(heap[..last], 0);
        }

        return count;
    }

    internal static void Finish(RankWorkspace workspace, int viewer, float alpha, float[]? prior, float priorWeight)
    {
        var nodes = workspace.Push;
        var touched = workspace.Touched;
        var touchedCount = workspace.TouchedCount;
        var returned = nodes[viewer].Residual;
        nodes[viewer].Residual = 0;
        var scale = 1 / (1 - Math.Min(returned, 0.999999f));
        workspace.Scale = scale;
        float left = 0;
        for (var i = 0; i < touchedCount; i++)
        {
            left += nodes[touched[i]].Residual;
        }

        workspace.ResidualLeft = left;
        if (prior is null || priorWeight == 0)
        {
            for (var i = 0; i < touchedCount; i++)
            {
                var node = touched[i];
                nodes[node].Score = (nodes[node].Score + (alpha * nodes[node].Residual)) * scale;
            }

            return;
        }

        var spread = priorWeight * (1 - alpha) * left;
        for (var i = 0; i < touchedCount; i++)
        {
            var node = touched[i];
            var lower = nodes[node].Score + (alpha * nodes[node].Residual);
            nodes[node].Score = (lower + Math.Min(spread * nodes[node].Prior, PriorCap * lower)) * scale;
        }
    }
}
