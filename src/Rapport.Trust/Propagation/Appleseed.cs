using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Propagation;

/// <summary>
/// Appleseed spreading activation (Ziegler and Lausen 2005, Algorithm 1), from the viewer's perspective. The viewer
/// is injected with energy <c>in⁰</c>; in each iteration every node holding energy <c>e</c> keeps (1 − d)·e as trust
/// and passes d·e on along its trust edges, split in proportion to their weights. Each node other than the viewer
/// also has a backward edge of weight 1 to the viewer (replacing any statement it made about the viewer), which
/// returns part of the energy to be spread again and penalises long chains. Iteration stops once no node's trust grew
/// by more than <c>Tc</c>. Only trust statements propagate; statements about oneself are ignored.
/// <para>
/// Weights are the view's edge weights: |value|, times the topic fallback discount for a general statement standing
/// in on a topic query (which matters against the backward edge's weight 1). Cost: O(iterations × visible edges of the
/// reached nodes), each row read through the view once; memory O(reached nodes + their edges).
/// </para>
/// </summary>
internal static class Appleseed
{
    [ThreadStatic]
    private static AppleseedWorkspace? workspace;

    /// <summary>
    /// Writes the people with the most trust rank into <paramref name="into"/>, best first (viewer excluded, positive
    /// scores only, ties by fewer hops then node index) and returns how many. Scores are in energy units: positive,
    /// summing to at most <see cref="AppleseedOptions.Injection"/>. Allocates nothing in steady state.
    /// </summary>
    internal static int Top(in PerspectiveView view, AppleseedOptions options, Span<ScoredNode> into) =>
        BestFirst.Write(Score(view, options), into);

    /// <summary>
    /// Everyone with positive trust rank (viewer excluded), unordered. The span is this thread's scratch memory: valid
    /// until the next Appleseed query on the thread; callers may adjust scores in place before selecting.
    /// </summary>
    internal static Span<RankedNode> Score(in PerspectiveView view, AppleseedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var w = workspace ??= new AppleseedWorkspace();
        w.Reset(view.NodeCount);
        var source = w.Discover(view.Viewer, 0);
        Spread(view, w, source, options);

        var count = 0;
        for (var local = 0; local < w.Nodes.Count; local++)
        {
            var score = (float)w.Trust[local];
            if (local != source && score > 0)
            {
                w.Candidates[count++] = new RankedNode(w.Nodes.Members[local], score, w.Distance[local]);
            }
        }

        return w.Candidates.AsSpan(0, count);
    }

    /// <summary>
    /// The iterations, over the discovered nodes in discovery order: after the first few steps nearly every discovered
    /// node holds energy, so a dense sweep beats a frontier list. Nodes discovered during an iteration hold no energy
    /// until the next one, exactly as in the paper.
    /// </summary>
    private static void Spread(in PerspectiveView view, AppleseedWorkspace w, int source, AppleseedOptions options)
    {
        var d = options.SpreadingFactor;
        w.Energy[source] = options.Injection;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var largestGain = 0.0;
            var discovered = w.Nodes.Count;
            for (var x = 0; x < discovered; x++)
            {
                var energy = w.Energy[x];
                if (energy == 0)
                {
                    continue;
                }

                var gain = (1 - d) * energy;
                w.Trust[x] += gain;
                largestGain = Math.Max(largestGain, gain);
                var spread = d * energy;
                if (spread == 0)
                {
                    continue;
                }

                if (w.RowBegin[x] < 0)
                {
                    ReadRow(view, w, x, source);
                }

                var incoming = w.Incoming;
                var targets = w.Targets;
                var shares = w.Shares;
                for (var e = w.RowBegin[x]; e < w.RowEnd[x]; e++)
                {
                    incoming[targets[e]] += spread * shares[e];
                }

                incoming[source] += spread * w.BackShare[x];
            }

            // in_i becomes the energy to spread; the old array, cleared, collects in_{i+1}.
            (w.Energy, w.Incoming) = (w.Incoming, w.Energy);
            Array.Clear(w.Incoming, 0, w.Nodes.Count);

            // The paper's test: the largest trust gain of this iteration, (1 − d)·in of the previous one.
            if (largestGain <= options.ConvergenceThreshold)
            {
                return;
            }
        }
    }

    /// <summary>Reads <paramref name="x"/>'s visible trust row once, discovering its targets, and caches its energy shares.</summary>
    private static void ReadRow(in PerspectiveView view, AppleseedWorkspace w, int x, int source)
    {
        var node = w.Nodes.Members[x];
        var begin = w.EdgeCount;
        var total = x == source ? 0.0 : 1.0;
        foreach (var edge in view.Trust(node))
        {
            if (edge.To == node || edge.To == view.Viewer)
            {
                continue;
            }

            w.AddEdge(w.Discover(edge.To, w.Distance[x] + 1), edge.Weight);
            total += edge.Weight;
        }

        for (var e = begin; e < w.EdgeCount; e++)
        {
            w.Shares[e] /= total;
        }

        w.BackShare[x] = x == source ? 0 : 1 / total;
        w.RowBegin[x] = begin;
        w.RowEnd[x] = w.EdgeCount;
    }
}
