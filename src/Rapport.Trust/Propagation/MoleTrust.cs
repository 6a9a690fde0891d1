using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Propagation;

/// <summary>
/// MoleTrust (Massa and Avesani 2007), from the viewer's perspective. People are ordered by breadth-first distance
/// from the viewer over trust statements, and only edges from distance k − 1 to distance k are kept, which removes
/// cycles. A person at distance 1 gets the viewer's own statement; a person at distance k ≥ 2 gets the average of the
/// statements made about them by predecessors at distance k − 1 whose own predicted trust reaches the threshold,
/// weighted by that predicted trust:
/// <code>trust(u) = Σ trust(p) · w(p, u) / Σ trust(p)   over p at distance k − 1 with trust(p) ≥ threshold</code>
/// A person whose predecessors all fall below the threshold gets no trust (and passes none on). Distances are those of
/// the whole visible trust graph, so a path through people below the threshold still fixes how far someone is.
/// Scores are in (0, 1]. Cost: O(visible edges within horizon − 1 hops), each row read through the view once.
/// </summary>
internal static class MoleTrust
{
    [ThreadStatic]
    private static MoleTrustWorkspace? workspace;

    /// <summary>
    /// Writes the people with the highest predicted trust into <paramref name="into"/>, best first (viewer excluded,
    /// ties by fewer hops then node index) and returns how many. Allocates nothing in steady state.
    /// </summary>
    internal static int Top(in PerspectiveView view, MoleTrustOptions options, Span<ScoredNode> into) =>
        BestFirst.Write(Score(view, options), into);

    /// <summary>
    /// Everyone with a predicted trust (viewer excluded), unordered. The span is this thread's scratch memory: valid
    /// until the next MoleTrust query on the thread.
    /// </summary>
    internal static Span<RankedNode> Score(in PerspectiveView view, MoleTrustOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var w = workspace ??= new MoleTrustWorkspace();
        w.Nodes.Reset(view.NodeCount);
        var viewer = w.Reach(view.Viewer, 0);
        w.Trust[viewer] = 1;
        w.Weight[viewer] = 1;

        var levelBegin = 0;
        var levelEnd = 1;
        for (var distance = 1; distance <= options.Horizon && levelBegin < levelEnd; distance++)
        {
            for (var p = levelBegin; p < levelEnd; p++)
            {
                var accepted = w.Weight[p] > 0 && w.Trust[p] >= options.Threshold;
                if (!accepted && distance == options.Horizon)
                {
                    continue; // Its row could only fix distances beyond the horizon.
                }

                var trust = w.Trust[p];
                foreach (var edge in view.Trust(w.Nodes.Members[p]))
                {
                    var u = w.Reach(edge.To, distance);
                    if (accepted && w.Distance[u] == distance)
                    {
                        w.Trust[u] += trust * edge.Weight;
                        w.Weight[u] += trust;
                    }
                }
            }

            levelBegin = levelEnd;
            levelEnd = w.Nodes.Count;
            for (var u = levelBegin; u < levelEnd; u++)
            {
                if (w.Weight[u] > 0)
                {
                    w.Trust[u] /= w.Weight[u];
                }
            }
        }

        var count = 0;
        for (var u = 1; u < w.Nodes.Count; u++)
        {
            var score = (float)w.Trust[u];
            if (w.Weight[u] > 0 && score > 0)
            {
                w.Candidates[count++] = new RankedNode(w.Nodes.Members[u], score, w.Distance[u]);
            }
        }

        return w.Candidates.AsSpan(0, count);
    }
}
