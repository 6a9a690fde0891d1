using Rapport.Trust.Graph;
using Rapport.Trust.Propagation;
using Rapport.Trust.Tests.Graph;

namespace Rapport.Trust.Tests.Propagation;

/// <summary>
/// The three algorithms written as literally as the papers state them, with dictionaries and no care for speed: the
/// oracles the optimised versions are checked against on random graphs. They read the graph as the view shows it.
/// </summary>
internal static class ReferenceAlgorithms
{
    /// <summary>Ziegler and Lausen 2005, Algorithm 1, line by line; returns trust by node, the source left out.</summary>
    internal static Dictionary<int, double> Appleseed(PerspectiveView view, AppleseedOptions options)
    {
        var s = view.Viewer;
        var d = options.SpreadingFactor;
        var weights = new Dictionary<int, Dictionary<int, double>>();
        var visited = new HashSet<int> { s };
        var energy = new Dictionary<int, double> { [s] = options.Injection };
        var trust = new Dictionary<int, double> { [s] = 0 };
        weights[s] = Row(s);
        for (var i = 1; i <= options.MaxIterations; i++)
        {
            var previous = visited.ToList();
            var next = previous.ToDictionary(x => x, _ => 0.0);
            var before = new Dictionary<int, double>(trust);
            foreach (var x in previous)
            {
                trust[x] += (1 - d) * energy[x];
                var row = weights[x];
                var total = row.Values.Sum();
                foreach (var (u, weight) in row)
                {
                    if (visited.Add(u))
                    {
                        trust[u] = 0;
                        next[u] = 0;
                        weights[u] = Row(u);
                        weights[u][s] = 1; // the backward edge, replacing any statement about s
                    }

                    next[u] += d * energy[x] * weight / total;
                }
            }

            energy = next;
            var largest = visited.Max(y => trust[y] - before.GetValueOrDefault(y));
            if (largest <= options.ConvergenceThreshold)
            {
                break;
            }
        }

        trust.Remove(s);
        return trust;

        Dictionary<int, double> Row(int x) => view.TrustRow(x).Where(e => e.To != x && e.To != s).ToDictionary(e => e.To, e => (double)e.Weight);
    }

    /// <summary>Massa and Avesani 2007: distances first, then trust level by level over accepted predecessors.</summary>
    internal static Dictionary<int, double> MoleTrust(PerspectiveView view, MoleTrustOptions options)
    {
        var distance = Distances(view, options.Horizon);
        var trust = new Dictionary<int, double> { [view.Viewer] = 1 };
        for (var k = 1; k <= options.Horizon; k++)
        {
            foreach (var u in distance.Where(p => p.Value == k).Select(p => p.Key))
            {
                var predecessors = distance
                    .Where(p => p.Value == k - 1 && trust.TryGetValue(p.Key, out var t) && t >= options.Threshold)
                    .SelectMany(p => view.TrustRow(p.Key).Where(e => e.To == u).Select(e => (Trust: trust[p.Key], e.Weight)))
                    .ToList();
                if (predecessors.Count > 0)
                {
                    trust[u] = predecessors.Sum(p => p.Trust * p.Weight) / predecessors.Sum(p => p.Trust);
                }
            }
        }

        trust.Remove(view.Viewer);
        return trust;
    }

    /// <summary>
    /// Golbeck 2005, sink by sink, over explicitly enumerated shortest paths: the threshold is the best path's weakest
    /// rating (the sink's own rating not counted), paths below it are dropped, and inferences are averaged backwards
    /// over the edges of the remaining paths.
    /// </summary>
    internal static Dictionary<int, double> TidalTrust(PerspectiveView view, TidalTrustOptions options)
    {
        var depth = RatedDistances(view, options.MaxDepth);
        var result = new Dictionary<int, double>();
        foreach (var sink in depth.Keys.Where(n => n != view.Viewer))
        {
            var paths = new List<List<int>>();
            Walk([view.Viewer]);
            var max = paths.Max(Strength);
            var kept = paths.Where(p => Strength(p) >= max).ToList();
            var inferred = new Dictionary<int, double>();
            foreach (var path in kept)
            {
                inferred[path[^2]] = Rating(path[^2], sink);
            }

            for (var k = depth[sink] - 2; k >= 0; k--)
            {
                foreach (var node in kept.Select(p => p[k]).Distinct())
                {
                    var children = kept.Where(p => p[k] == node).Select(p => p[k + 1]).Distinct().ToList();
                    inferred[node] = children.Sum(c => Rating(node, c) * inferred[c]) / children.Sum(c => Rating(node, c));
                }
            }

            result[sink] = inferred[view.Viewer];

            void Walk(List<int> path)
            {
                var last = path[^1];
                if (last == sink)
                {
                    paths.Add([.. path]);
                    return;
                }

                // Trust edges continue a path; a distrust edge (rating 0) may only end one, at the sink.
                var next = view.TrustRow(last).Select(e => e.To).Concat(view.DistrustRow(last).Select(e => e.To).Where(to => to == sink)).Distinct();
                foreach (var to in next.Where(to => depth.TryGetValue(to, out var d) && d == depth[last] + 1 && d <= depth[sink]))
                {
                    Walk([.. path, to]);
                }
            }
        }

        return result;

        // Distrust is the lowest rating, 0.
        double Rating(int from, int to) => view.TrustRow(from).Where(e => e.To == to).Select(e => (double)e.Weight).SingleOrDefault();

        double Strength(List<int> path) => path.Count == 2 ? double.PositiveInfinity : Enumerable.Range(0, path.Count - 2).Min(i => Rating(path[i], path[i + 1]));
    }

    /// <summary>Breadth-first distances from the viewer over trust edges, up to <paramref name="limit"/> hops.</summary>
    private static Dictionary<int, int> Distances(PerspectiveView view, int limit)
    {
        var distance = new Dictionary<int, int> { [view.Viewer] = 0 };
        var queue = new Queue<int>([view.Viewer]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (distance[node] == limit)
            {
                continue;
            }

            foreach (var edge in view.TrustRow(node))
            {
                if (distance.TryAdd(edge.To, distance[node] + 1))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        return distance;
    }

    /// <summary>
    /// Breadth-first distances from the viewer, up to <paramref name="limit"/> hops, over trust and distrust edges (a
    /// distrust is a rating too, the lowest); only people reached at their distance by a trust edge are explored further.
    /// </summary>
    private static Dictionary<int, int> RatedDistances(PerspectiveView view, int limit)
    {
        var distance = new Dictionary<int, int> { [view.Viewer] = 0 };
        List<int> level = [view.Viewer];
        for (var d = 1; d <= limit && level.Count > 0; d++)
        {
            var trusted = new HashSet<int>();
            foreach (var node in level)
            {
                foreach (var edge in view.TrustRow(node))
                {
                    if (distance.TryAdd(edge.To, d) || distance[edge.To] == d)
                    {
                        trusted.Add(edge.To);
                    }
                }

                foreach (var edge in view.DistrustRow(node))
                {
                    distance.TryAdd(edge.To, d);
                }
            }

            level = [.. trusted];
        }

        return distance;
    }
}
