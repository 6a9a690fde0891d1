namespace Rapport.Trust.Admission;

/// <summary>
/// A directed network with integer capacities and Dinic's maximum flow: breadth-first levels on the residual network,
/// then a blocking flow by depth-first search along the levels, kept iterative so deep networks cannot overflow the
/// stack. Edge e's reverse is e ^ 1. O(V²E) in general, far less on Advogato's unit-like networks.
/// </summary>
internal sealed class FlowNetwork
{
    private readonly int[] head;
    private readonly int[] level;
    private readonly int[] current;
    private readonly int[] queue;
    private readonly int[] path;
    private int[] next;
    private int[] to;
    private int[] residual;
    private int edgeCount;
    private int levelled;

    internal FlowNetwork(int vertexCount, int edgeCapacity)
    {
        head = new int[vertexCount];
        Array.Fill(head, -1);
        level = new int[vertexCount];
        Array.Fill(level, -1);
        current = new int[vertexCount];
        queue = new int[vertexCount];
        path = new int[vertexCount];
        var slots = Math.Max(2, 2 * edgeCapacity);
        next = new int[slots];
        to = new int[slots];
        residual = new int[slots];
    }

    /// <summary>Adds an edge (and its reverse, of capacity 0) and returns its index.</summary>
    internal int AddEdge(int from, int target, int capacity)
    {
        if (edgeCount + 2 > to.Length)
        {
            Array.Resize(ref next, 2 * to.Length);
            Array.Resize(ref residual, 2 * to.Length);
            Array.Resize(ref to, 2 * to.Length);
        }

        var edge = edgeCount;
        Link(edge, from, target, capacity);
        Link(edge + 1, target, from, 0);
        edgeCount += 2;
        return edge;
    }

    /// <summary>Flow on an edge added by <see cref="AddEdge"/>.</summary>
    internal int Flow(int edge) => residual[edge ^ 1];

    /// <summary>Sends as much flow as the capacities allow from <paramref name="source"/> to <paramref name="sink"/>; returns its value.</summary>
    internal int MaxFlow(int source, int sink)
    {
        var total = 0;
        while (Levels(source, sink))
        {
            Array.Copy(head, current, head.Length);
            int pushed;
            while ((pushed = Augment(source, sink)) > 0)
            {
                total += pushed;
            }
        }

        return total;
    }

    private void Link(int edge, int from, int target, int capacity)
    {
        to[edge] = target;
        residual[edge] = capacity;
        next[edge] = head[from];
        head[from] = edge;
    }

    /// <summary>
    /// Levels by breadth-first search on the residual network, stopping at the sink's level: only shortest augmenting
    /// paths are wanted, so vertices farther than the sink stay unlevelled. On admission networks, where every person
    /// has an edge to the sink, a phase explores little more than the people already accepted.
    /// </summary>
    private bool Levels(int source, int sink)
    {
        for (var i = 0; i < levelled; i++)
        {
            level[queue[i]] = -1;
        }

        level[source] = 0;
        var begin = 0;
        var end = 0;
        queue[end++] = source;
        while (begin < end)
        {
            var v = queue[begin++];
            if (level[sink] >= 0 && level[v] >= level[sink])
            {
                break;
            }

            for (var e = head[v]; e >= 0; e = next[e])
            {
                if (residual[e] > 0 && level[to[e]] < 0)
                {
                    level[to[e]] = level[v] + 1;
                    queue[end++] = to[e];
                }
            }
        }

        levelled = end;
        return level[sink] >= 0;
    }

    /// <summary>One augmenting path along the levels, found with per-vertex current edges; returns the flow pushed, 0 when blocked.</summary>
    private int Augment(int source, int sink)
    {
        var depth = 0;
        var v = source;
        while (true)
        {
            if (v == sink)
            {
                var bottleneck = int.MaxValue;
                for (var i = 0; i < depth; i++)
                {
                    bottleneck = Math.Min(bottleneck, residual[path[i]]);
                }

                for (var i = 0; i < depth; i++)
                {
                    residual[path[i]] -= bottleneck;
                    residual[path[i] ^ 1] += bottleneck;
                }

                return bottleneck;
            }

            var e = current[v];
            while (e >= 0 && (residual[e] == 0 || level[to[e]] != level[v] + 1))
            {
                e = next[e];
            }

            current[v] = e;
            if (e >= 0)
            {
                path[depth++] = e;
                v = to[e];
                continue;
            }

            if (depth == 0)
            {
                return 0;
            }

            // A dead end: nothing enters v again in this phase, and its parent moves past the edge into it.
            level[v] = -1;
            var back = path[--depth];
            v = to[back ^ 1];
            current[v] = next[current[v]];
        }
    }
}
