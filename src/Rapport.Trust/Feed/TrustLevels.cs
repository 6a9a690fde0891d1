using System.Buffers;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Feed;

/// <summary>
/// The viewer's level of trust in many people at once, for pages that name a level beside each of many people (the
/// feed, an item's page): equal to <see cref="TrustQueries.Level(TrustSnapshot, Perspective, int, int, TrustQueryOptions, int)"/>
/// for every target, but the strongest paths to all of them come from one search instead of one search each. Every
/// weight is at most 1, so the strongest walk of at most h hops has a simple path's strength; the search keeps, hop by
/// hop, the strongest walk to each node reached, relaxing only the nodes that improved in the previous hop. For the
/// same reason a walk only weakens as it grows, so once every target is reached, a node no stronger than the weakest
/// target's best so far can improve none of them and is not expanded.
/// </summary>
public static class TrustLevels
{
    /// <summary>The default path length, as <see cref="TrustQueries.Level(TrustSnapshot, Perspective, int, int, TrustQueryOptions, int)"/>.</summary>
    public const int DefaultMaxHops = 4;

    /// <summary>The level of trust in each of <paramref name="targets"/>, in order; null where the engine has none (and for the viewer).</summary>
    public static float?[] Of(
        TrustSnapshot snapshot, Perspective perspective, int topic, TrustQueryOptions options, ReadOnlySpan<int> targets, int maxHops = DefaultMaxHops)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHops);
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

        var strongest = ArrayPool<double>.Shared.Rent(snapshot.NodeCount);
        try
        {
            var searched = new List<int>();
            foreach (var target in targets)
            {
                if (target != view.Viewer && !Says(view, target))
                {
                    searched.Add(target);
                }
            }

            Search(view, strongest.AsSpan(0, snapshot.NodeCount), maxHops, searched);
            for (var i = 0; i < targets.Length; i++)
            {
                var target = targets[i];
                levels[i] = target == view.Viewer ? null
                    : Says(view, target) ? TrustQueries.Level(snapshot, perspective, topic, target, options, maxHops) // the viewer's own word: no search
                    : strongest[target] > 0 ? (float)strongest[target] * OneStepDistrust.Factor(view, target)
                    : null;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(strongest);
        }

        return levels;
    }

    /// <summary>
    /// Fills <paramref name="strongest"/> with the strongest walk of at most <paramref name="maxHops"/> hops from the
    /// viewer to each of <paramref name="targets"/> (0: none); other nodes' entries are bounds only.
    /// </summary>
    private static void Search(in PerspectiveView view, Span<double> strongest, int maxHops, List<int> targets)
    {
        strongest.Clear();
        strongest[view.Viewer] = 1;
        var frontier = new List<(int Node, double Strength)> { (view.Viewer, 1) };
        var improved = new List<int>();
        var markedAt = ArrayPool<int>.Shared.Rent(strongest.Length);
        try
        {
            markedAt.AsSpan(0, strongest.Length).Clear();
            for (var hop = 1; hop <= maxHops && frontier.Count > 0; hop++)
            {
                // Strengths are read from the frontier as it was when this hop began, so no walk grows two hops in one.
                // After the last hop nothing is expanded, so its improvements need no marking.
                var last = hop == maxHops;
                var useless = WeakestBest(strongest, targets);
                foreach (var (node, strength) in frontier)
                {
                    if (strength <= useless)
                    {
                        continue;
                    }

                    foreach (var edge in view.Trust(node))
                    {
                        var through = strength * edge.Weight;
                        if (through > strongest[edge.To])
                        {
                            strongest[edge.To] = through;
                            if (!last && markedAt[edge.To] != hop)
                            {
                                markedAt[edge.To] = hop;
                                improved.Add(edge.To);
                            }
                        }
                    }
                }

                frontier.Clear();
                foreach (var node in improved)
                {
                    frontier.Add((node, strongest[node]));
                }

                improved.Clear();
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(markedAt);
        }
    }

    /// <summary>The weakest target's best walk so far: 0 while one is unreached (every node is then worth expanding).</summary>
    private static double WeakestBest(Span<double> strongest, List<int> targets)
    {
        var weakest = double.MaxValue;
        foreach (var target in targets)
        {
            weakest = Math.Min(weakest, strongest[target]);
        }

        return targets.Count == 0 ? double.MaxValue : weakest;
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
