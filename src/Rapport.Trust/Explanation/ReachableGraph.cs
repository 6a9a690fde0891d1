using Rapport.Trust.Scoring;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Explanation;

/// <summary>
/// The part of a perspective's trust graph within reach of the viewer, as paths to one target need it: every node
/// within maxHops − 1 hops is expanded (its visible trust row recorded with local ids), then a backward pass gives for
/// each node x and hop budget h the strength of the strongest walk x → target of at most h hops. Because every weight
/// is at most 1, that is also the strongest simple path ignoring the nodes already used: an exact upper bound for
/// the path search, and the answer itself at the viewer. Reused through a pool: arrays only grow.
/// </summary>
internal sealed class ReachableGraph
{
    private int[] localOf = [];
    private int[] nodes = [];
    private int[] depth = [];
    private int[] edgeStart = [];
    private int[] edgeTo = [];
    private double[] edgeWeight = [];
    private float[] edgeValue = [];
    private int[] edgeTopic = [];
    private double[] bound = [];
    private int[] minHops = [];

    internal int NodeCount { get; private set; }

    internal int MaxHops { get; private set; }

    internal int Target { get; private set; } = -1;

    internal int NodeAt(int local) => nodes[local];

    /// <summary>Local ids of the recorded out-edges of <paramref name="local"/>: [EdgeBegin, EdgeEnd).</summary>
    internal int EdgeBegin(int local) => edgeStart[local];

    internal int EdgeEnd(int local) => edgeStart[local + 1];

    internal int EdgeTo(int edge) => edgeTo[edge];

    internal double EdgeWeight(int edge) => edgeWeight[edge];

    internal TrustHop Hop(int fromLocal, int edge) => new(nodes[fromLocal], nodes[edgeTo[edge]], edgeValue[edge], edgeTopic[edge]);

    /// <summary>Strongest walk from <paramref name="local"/> to the target within <paramref name="hops"/> hops; 0 if none.</summary>
    internal double Bound(int local, int hops) => bound[(hops * NodeCount) + local];

    /// <summary>Fewest hops from <paramref name="local"/> to the target within the budget (int.MaxValue if none).</summary>
    internal int MinHops(int local) => minHops[local];

    /// <summary>Explores from the viewer; false when <paramref name="target"/> is out of reach.</summary>
    internal bool Explore(in PerspectiveView view, int target, int maxHops)
    {
        Clear();
        MaxHops = maxHops;
        if (localOf.Length < view.NodeCount)
        {
            localOf = new int[view.NodeCount];
            Array.Fill(localOf, -1);
        }

        Add(view.Viewer, 0);
        var edges = 0;
        for (var local = 0; local < NodeCount; local++)
        {
            Grow(ref edgeStart, local + 2);
            edgeStart[local] = edges;
            if (depth[local] >= maxHops || nodes[local] == target)
            {
                continue;
            }

            foreach (var edge in view.Trust(nodes[local]))
            {
                var to = localOf[edge.To];
                if (to < 0)
                {
                    to = Add(edge.To, depth[local] + 1);
                }

                Grow(ref edgeTo, edges + 1);
                Grow(ref edgeWeight, edges + 1);
                Grow(ref edgeValue, edges + 1);
                Grow(ref edgeTopic, edges + 1);
                edgeTo[edges] = to;
                edgeWeight[edges] = edge.Weight;
                edgeValue[edges] = edge.Value;
                edgeTopic[edges] = edge.Topic;
                edges++;
            }
        }

        Grow(ref edgeStart, NodeCount + 1);
        edgeStart[NodeCount] = edges;
        Target = (uint)target < (uint)localOf.Length ? localOf[target] : -1;
        if (Target < 0)
        {
            return false;
        }

        ComputeBounds();
        return Bound(0, maxHops) > 0;
    }

    private void ComputeBounds()
    {
        var n = NodeCount;
        Grow(ref bound, (MaxHops + 1) * n);
        Grow(ref minHops, n);
        Array.Clear(bound, 0, (MaxHops + 1) * n);
        Array.Fill(minHops, int.MaxValue, 0, n);
        bound[Target] = 1;
        minHops[Target] = 0;
        for (var hops = 1; hops <= MaxHops; hops++)
        {
            var previous = bound.AsSpan((hops - 1) * n, n);
            var current = bound.AsSpan(hops * n, n);
            previous.CopyTo(current);
            for (var from = 0; from < n; from++)
            {
                if (from == Target)
                {
                    continue;
                }

                for (var e = edgeStart[from]; e < edgeStart[from + 1]; e++)
                {
                    var through = edgeWeight[e] * previous[edgeTo[e]];
                    if (through > current[from])
                    {
                        current[from] = through;
                    }
                }

                if (current[from] > 0 && minHops[from] == int.MaxValue)
                {
                    minHops[from] = hops;
                }
            }
        }
    }

    private int Add(int node, int nodeDepth)
    {
        var local = NodeCount++;
        Grow(ref nodes, NodeCount);
        Grow(ref depth, NodeCount);
        nodes[local] = node;
        depth[local] = nodeDepth;
        localOf[node] = local;
        return local;
    }

    private void Clear()
    {
        for (var i = 0; i < NodeCount; i++)
        {
            localOf[nodes[i]] = -1;
        }

        NodeCount = 0;
        Target = -1;
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            Array.Resize(ref array, Math.Max(size, Math.Max(16, array.Length * 2)));
        }
    }
}
