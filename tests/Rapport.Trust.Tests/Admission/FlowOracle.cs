using Rapport.Trust.Admission;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Tests.Admission;

/// <summary>
/// Advogato by the book, for checking: capacities by breadth-first distance over every certification, certification
/// edges of unbounded capacity, and Edmonds–Karp on an adjacency matrix. Reads public general statements only.
/// </summary>
internal static class FlowOracle
{
    private const int Unbounded = 1_000_000;

    /// <summary>Hops from the nearest seed, -1 when unreachable.</summary>
    internal static int[] Distances(int nodes, StatementEdge[] edges, int[] seeds, float threshold)
    {
        var distance = Enumerable.Repeat(-1, nodes).ToArray();
        var queue = new Queue<int>();
        foreach (var seed in seeds.Distinct())
        {
            distance[seed] = 0;
            queue.Enqueue(seed);
        }

        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            foreach (var e in Certifications(edges, threshold).Where(e => e.From == u && distance[e.To] < 0))
            {
                distance[e.To] = distance[u] + 1;
                queue.Enqueue(e.To);
            }
        }

        return distance;
    }

    internal static int Capacity(int distance, AdvogatoOptions options) =>
        distance < 0 ? 0 : distance < options.Capacities.Count ? options.Capacities[distance] : 1;

    /// <summary>The maximum flow, which is the number of people accepted.</summary>
    internal static int AcceptedCount(int nodes, StatementEdge[] edges, int[] seeds, AdvogatoOptions options)
    {
        var distance = Distances(nodes, edges, seeds, options.CertificationThreshold);
        var size = (2 * nodes) + 2;
        var source = size - 2;
        var sink = size - 1;
        var capacity = new int[size, size];
        foreach (var seed in seeds.Distinct())
        {
            capacity[source, 2 * seed] = options.Capacities[0];
        }

        for (var u = 0; u < nodes; u++)
        {
            var c = Capacity(distance[u], options);
            if (c > 0)
            {
                capacity[2 * u, sink] = 1;
                capacity[2 * u, (2 * u) + 1] = c - 1;
            }
        }

        foreach (var e in Certifications(edges, options.CertificationThreshold))
        {
            capacity[(2 * e.From) + 1, 2 * e.To] = Unbounded;
        }

        return EdmondsKarp(capacity, source, sink);
    }

    /// <summary>Current statements (the last per key wins, as in a snapshot) that certify.</summary>
    private static IEnumerable<StatementEdge> Certifications(StatementEdge[] edges, float threshold) =>
        edges.GroupBy(e => e.Key).Select(g => g.Last()).Where(e => e.Scope == EdgeScope.Public && e.Topic == TopicIndex.General && e.Value > threshold && e.From != e.To);

    private static int EdmondsKarp(int[,] capacity, int source, int sink)
    {
        var size = capacity.GetLength(0);
        var flow = 0;
        while (true)
        {
            var parent = Enumerable.Repeat(-1, size).ToArray();
            parent[source] = source;
            var queue = new Queue<int>([source]);
            while (queue.Count > 0 && parent[sink] < 0)
            {
                var u = queue.Dequeue();
                for (var v = 0; v < size; v++)
                {
                    if (parent[v] < 0 && capacity[u, v] > 0)
                    {
                        parent[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }

            if (parent[sink] < 0)
            {
                return flow;
            }

            var bottleneck = int.MaxValue;
            for (var v = sink; v != source; v = parent[v])
            {
                bottleneck = Math.Min(bottleneck, capacity[parent[v], v]);
            }

            for (var v = sink; v != source; v = parent[v])
            {
                capacity[parent[v], v] -= bottleneck;
                capacity[v, parent[v]] += bottleneck;
            }

            flow += bottleneck;
        }
    }
}
