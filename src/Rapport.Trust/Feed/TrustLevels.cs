using System.Buffers;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Feed;

/// <summary>
/// The viewer's level of trust in many people at once, for pages that name a level beside each of many people (the
/// feed, an item's page): equal to <see cref="TrustQueries.Level(TrustSnapshot, Perspective, int, int, TrustQueryOptions, int)"/>
/// for every target, but the strongest paths to all of them come from one search instead of one search each. Every
/// weight is in (0, 1], so a walk only weakens as it grows and the strongest walk of at most h hops has a simple path's
/// strength. The search is best-first over (node, hops so far): walks leave a priority queue strongest first, so a
/// target's first walk out of it is its strongest, and the search ends as soon as every target has left it, having
/// expanded only walks stronger than the weakest target's. A walk is dropped when one at least as strong with no more
/// hops reached the same node.
/// <para>
/// A page that only names a level (the nearest named step) need not know weak levels exactly: with
/// <c>exactFrom</c> &gt; 0 the search also ends once the walks left are weaker than it, and each target not reached yet
/// is answered with an upper bound of its level below <c>exactFrom</c> when a walk of at most h hops reaches it at all
/// (a breadth-first reachability check), null otherwise.
/// </para>
/// </summary>
public static class TrustLevels
{
    /// <summary>The default path length, as <see cref="TrustQueries.Level(TrustSnapshot, Perspective, int, int, TrustQueryOptions, int)"/>.</summary>
    public const int DefaultMaxHops = 4;

    private static readonly ArrayPool<double> CleanArrays = ArrayPool<double>.Create(maxArrayLength: 1 << 27, maxArraysPerBucket: 8);

    /// <summary>
    /// The level of trust in each of <paramref name="targets"/>, in order; null where the engine has none (and for the
    /// viewer). Levels of at least <paramref name="exactFrom"/> (default 0: all) are exact; a lower one may be answered
    /// with any value in [its level, <paramref name="exactFrom"/>).
    /// </summary>
    public static float?[] Of(
        TrustSnapshot snapshot, Perspective perspective, int topic, TrustQueryOptions options, ReadOnlySpan<int> targets,
        int maxHops = DefaultMaxHops, float exactFrom = 0)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHops);
        if (!(exactFrom >= 0 && exactFrom <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(exactFrom), "exactFrom is in [0, 1].");
        }

        var view = new PerspectiveView(snapshot, perspective, topic, options.TopicFallbackDiscount);
        var levels = new float?[targets.Length];
        if (targets.IsEmpty)
        {
            return levels;
        }

        foreach (var target in targets)
        {
            if ((uint)target >= (uint)snapshot.NodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), "A target is not a node of this snapshot.");
            }
        }

        var scratch = WorkspacePool<LevelScratch>.Rent();
        try
        {
            Search(view, maxHops, exactFrom, targets, scratch);
            var strongest = scratch.Strongest;
            for (var i = 0; i < targets.Length; i++)
            {
                var target = targets[i];
                levels[i] = target == view.Viewer ? null
                    : Says(view, target) ? TrustQueries.Level(snapshot, perspective, topic, target, options, maxHops) // the viewer's own word: no search
                    : strongest.TryGetValue(target, out var strength) ? (float)strength * OneStepDistrust.Factor(view, target)
                    : null;
            }
        }
        finally
        {
            scratch.Clear();
            WorkspacePool<LevelScratch>.Return(scratch);
        }

        return levels;
    }

    /// <summary>Fills <paramref name="scratch"/>'s <c>Strongest</c> with what the search finds for the targets the viewer said nothing about.</summary>
    private static void Search(in PerspectiveView view, int maxHops, float exactFrom, ReadOnlySpan<int> targets, LevelScratch scratch)
    {
        var searched = scratch.Searched;
        foreach (var target in targets)
        {
            if (target != view.Viewer && !Says(view, target) && !searched.Contains(target))
            {
                searched.Add(target);
            }
        }

        var strongest = scratch.Strongest;
        if (searched.Count > 0)
        {
            var bound = StrongestWalks(view, maxHops, exactFrom, scratch);
            if (strongest.Count < searched.Count && bound > 0)
            {
                var unreached = scratch.Left;
                unreached.Clear();
                foreach (var target in searched)
                {
                    if (!strongest.ContainsKey(target))
                    {
                        unreached.Add(target);
                    }
                }

                Reachable(view, maxHops, scratch);
                foreach (var reached in scratch.Reached)
                {
                    strongest[reached] = bound; // weaker than every walk expanded, so below exactFrom
                }
            }
        }
    }

    /// <summary>
    /// Puts into the scratch's <c>Strongest</c> the strongest walk of at most <paramref name="maxHops"/> hops from the
    /// viewer to each of its <c>Searched</c> targets it reaches, strongest walks first, stopping when every target has one or the walks left
    /// are weaker than <paramref name="exactFrom"/>. Answers the strength of the strongest walk left unexpanded (an
    /// upper bound for every target not answered; 0 when none is left, so those are out of reach).
    /// </summary>
    private static double StrongestWalks(in PerspectiveView view, int maxHops, float exactFrom, LevelScratch scratch)
    {
        var strongest = scratch.Strongest;
        var stride = maxHops + 1;
        var length = checked(view.NodeCount * stride);
        // best[node * stride + hops]: the strongest walk queued to node with exactly that many hops (0: none). Arrays
        // go back to the pool cleared, so none needs clearing when rented.
        var best = CleanArrays.Rent(length);
        var touched = scratch.Touched;
        var queue = scratch.Queue;
        try
        {
            var left = scratch.Left;
            left.UnionWith(scratch.Searched);
            Queue(view.Viewer, 0, 1);
            while (queue.TryDequeue(out var state, out var negative))
            {
                var strength = -negative;
                var (node, hops) = (state / stride, state % stride);
                if (best[state] > strength || Dominated(node, hops, strength))
                {
                    continue; // a stronger walk with as many hops, or one at least as strong with fewer, went first
                }

                if (strength < exactFrom)
                {
                    return strength;
                }

                if (left.Remove(node))
                {
                    strongest[node] = strength;
                    if (left.Count == 0)
                    {
                        return 0;
                    }
                }

                if (hops < maxHops)
                {
                    foreach (var edge in view.Trust(node))
                    {
                        var through = strength * edge.Weight;
                        if (!Dominated(edge.To, hops + 1, through) && through > best[(edge.To * stride) + hops + 1])
                        {
                            Queue(edge.To, hops + 1, through);
                        }
                    }
                }
            }

            return 0;

            void Queue(int node, int hops, double strength)
            {
                var state = (node * stride) + hops;
                if (best[state] == 0)
                {
                    touched.Add(state);
                }

                best[state] = strength;
                queue.Enqueue(state, -strength);
            }

            bool Dominated(int node, int hops, double strength)
            {
                for (var fewer = 0; fewer < hops; fewer++)
                {
                    if (best[(node * stride) + fewer] >= strength)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
        finally
        {
            foreach (var state in touched)
            {
                best[state] = 0;
            }

            CleanArrays.Return(best);
        }
    }

    /// <summary>
    /// Puts into the scratch's <c>Reached</c> those of its <c>Left</c> (the targets) that some walk of at most
    /// <paramref name="maxHops"/> hops from the viewer reaches (breadth first).
    /// </summary>
    private static void Reachable(in PerspectiveView view, int maxHops, LevelScratch scratch)
    {
        var targets = scratch.Left;
        var reached = scratch.Reached;
        var seen = ArrayPool<bool>.Shared.Rent(view.NodeCount);
        try
        {
            seen.AsSpan(0, view.NodeCount).Clear();
            seen[view.Viewer] = true;
            var (frontier, next) = (scratch.Frontier, scratch.Next);
            frontier.Add(view.Viewer);
            for (var hop = 1; hop <= maxHops && frontier.Count > 0 && reached.Count < targets.Count; hop++)
            {
                foreach (var node in frontier)
                {
                    foreach (var edge in view.Trust(node))
                    {
                        if (!seen[edge.To])
                        {
                            seen[edge.To] = true;
                            next.Add(edge.To);
                            if (targets.Contains(edge.To))
                            {
                                reached.Add(edge.To);
                            }
                        }
                    }
                }

                (frontier, next) = (next, frontier);
                next.Clear();
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(seen);
        }
    }

    /// <summary>Whether the viewer made a statement (trust or distrust, on any topic the query sees) about the target.</summary>
    private static bool Says(in PerspectiveView view, int target)
    {
        foreach (var edge in view.Trust(view.Viewer))
        {
            if (edge.To == target)
            {
                return true;
            }
        }

        foreach (var edge in view.Distrust(view.Viewer))
        {
            if (edge.To == target)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// One level search's collections, pooled (<see cref="WorkspacePool{T}"/>) so a page's search allocates only its
/// answer: the queue and the touched list reach thousands of entries on a large graph.
/// </summary>
internal sealed class LevelScratch
{
    public List<int> Searched { get; } = [];

    public Dictionary<int, double> Strongest { get; } = [];

    public HashSet<int> Left { get; } = [];

    public List<int> Touched { get; } = [];

    public PriorityQueue<int, double> Queue { get; } = new();

    public List<int> Reached { get; } = [];

    public List<int> Frontier { get; } = [];

    public List<int> Next { get; } = [];

    public void Clear()
    {
        Searched.Clear();
        Strongest.Clear();
        Left.Clear();
        Touched.Clear();
        Queue.Clear();
        Reached.Clear();
        Frontier.Clear();
        Next.Clear();
    }
}
