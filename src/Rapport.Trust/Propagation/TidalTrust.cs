using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Propagation;

/// <summary>
/// TidalTrust (Golbeck 2005), from the viewer's perspective, for every person within <see cref="TidalTrustOptions.MaxDepth"/>
/// hops. For a sink t at shortest distance d:
/// <list type="number">
/// <item>only shortest paths count (the breadth-first DAG: edges from depth k − 1 to depth k);</item>
/// <item>the threshold <c>max</c> is the strength of the strongest of them, a path's strength being its weakest
/// rating not counting the final rating of t (that rating is what gets averaged);</item>
/// <item>going back from t along the DAG, a node that rated t directly has t_it = its rating, and any other node
/// averages its children's inferences weighted by its ratings of them, counting only children it rates ≥ max:
/// <code>t_it = Σ r_ij · t_jt / Σ r_ij   over DAG children j with r_ij ≥ max</code></item>
/// </list>
/// At the viewer that is the thesis' rule "neighbours whose trust from the viewer is ≥ max"; applied at every node it
/// keeps exactly the shortest paths of strength max, so a longer path, however strong, is ignored. A person one hop
/// away gets the viewer's own rating. Scores are in (0, 1].
/// <para>
/// Cost: one breadth-first pass to the depth cap (each row read through the view once), then for each sink a backward
/// pass over its strongest shortest paths: O(E + Σ_t |DAG_t|), where DAG_t is usually narrow because it keeps only
/// ratings ≥ max.
/// </para>
/// </summary>
internal static class TidalTrust
{
    [ThreadStatic]
    private static TidalTrustWorkspace? workspace;

    /// <summary>
    /// Writes the people with the highest inferred trust into <paramref name="into"/>, best first (viewer excluded;
    /// equal trust ranks the nearer first, then the lower node index) and returns how many. Allocates nothing in
    /// steady state.
    /// </summary>
    internal static int Top(in PerspectiveView view, TidalTrustOptions options, Span<ScoredNode> into) =>
        BestFirst.Write(Score(view, options), into);

    /// <summary>
    /// Everyone within the depth cap with their inferred trust (viewer excluded), unordered. The span is this thread's
    /// scratch memory: valid until the next TidalTrust query on the thread.
    /// </summary>
    internal static Span<RankedNode> Score(in PerspectiveView view, TidalTrustOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var w = workspace ??= new TidalTrustWorkspace();
        w.Reset(view.NodeCount);
        Explore(view, w, options.MaxDepth);
        w.IndexByChild();

        var count = 0;
        for (var sink = 1; sink < w.Nodes.Count; sink++)
        {
            var score = (float)Infer(w, sink);
            if (score > 0)
            {
                w.Candidates[count++] = new RankedNode(w.Nodes.Members[sink], score, w.Depth[sink]);
            }
        }

        return w.Candidates.AsSpan(0, count);
    }

    /// <summary>Breadth-first from the viewer: depths, the shortest-path DAG and each node's strongest path strength.</summary>
    private static void Explore(in PerspectiveView view, TidalTrustWorkspace w, int maxDepth)
    {
        var viewer = w.Reach(view.Viewer, 0);
        w.Flow[viewer] = float.PositiveInfinity;
        var levelBegin = 0;
        var levelEnd = 1;
        for (var depth = 1; depth <= maxDepth && levelBegin < levelEnd; depth++)
        {
            for (var parent = levelBegin; parent < levelEnd; parent++)
            {
                if (w.Flow[parent] <= 0)
                {
                    continue; // reached only by a distrust rating: a path ends at a low rating
                }

                foreach (var edge in view.Trust(w.Nodes.Members[parent]))
                {
                    var child = w.Reach(edge.To, depth);
                    if (w.Depth[child] == depth)
                    {
                        w.AddEdge(parent, child, edge.Weight);
                        w.Flow[child] = Math.Max(w.Flow[child], Math.Min(w.Flow[parent], edge.Weight));
                    }
                }

                // A distrust statement is a rating too, the lowest (Golbeck rates 1..10; distrust is the bottom): it
                // takes its place among the target's shortest paths and pulls the average down, instead of vanishing
                // and letting a longer, stronger path speak for the target. Without it, a distrust that replaces a
                // trust edge could raise its target. Its flow is 0, so nothing is explored beyond it.
                foreach (var edge in view.Distrust(w.Nodes.Members[parent]))
                {
                    var child = w.Reach(edge.To, depth);
                    if (w.Depth[child] == depth)
                    {
                        w.AddEdge(parent, child, 0);
                    }
                }
            }

            levelBegin = levelEnd;
            levelEnd = w.Nodes.Count;
        }
    }

    /// <summary>The viewer's inferred trust in <paramref name="sink"/> (a local index), by the backward pass.</summary>
    private static double Infer(TidalTrustWorkspace w, int sink)
    {
        var stamp = w.NextSink();
        var max = 0f;
        var level = w.Level;
        var count = 0;
        for (var e = w.ParentStart[sink]; e < w.ParentStart[sink + 1]; e++)
        {
            var parent = w.Parent[e];
            max = Math.Max(max, w.Flow[parent]);
            if (w.Mark[parent] == stamp)
            {
                continue; // the same person's second distrust of the sink (on the topic and in general): one rating
            }

            w.Mark[parent] = stamp;
            w.Inferred[parent] = w.ParentRating[e];
            level[count++] = parent;
        }

        var next = w.NextLevel;
        for (var depth = w.Depth[sink] - 1; depth > 0; depth--)
        {
            var nextCount = 0;
            for (var i = 0; i < count; i++)
            {
                var child = level[i];
                for (var e = w.ParentStart[child]; e < w.ParentStart[child + 1]; e++)
                {
                    var rating = w.ParentRating[e];
                    if (rating < max)
                    {
                        continue;
                    }

                    var parent = w.Parent[e];
                    if (w.Mark[parent] != stamp)
                    {
                        w.Mark[parent] = stamp;
                        w.Sum[parent] = 0;
                        w.Ratings[parent] = 0;
                        next[nextCount++] = parent;
                    }

                    w.Sum[parent] += rating * w.Inferred[child];
                    w.Ratings[parent] += rating;
                }
            }

            for (var i = 0; i < nextCount; i++)
            {
                var node = next[i];
                w.Inferred[node] = w.Sum[node] / w.Ratings[node];
            }

            (level, next) = (next, level);
            count = nextCount;
        }

        // The strongest path's own edges are all ≥ max, so the viewer (local 0) is always reached.
        return w.Mark[0] == stamp ? w.Inferred[0] : 0;
    }
}
