using Rapport.Trust.Scoring;

namespace Rapport.Trust.Explanation;

/// <summary>
/// The k strongest simple paths viewer → target of at most maxHops hops, by best-first search over partial paths
/// (A* with the exact bound of <see cref="ReachableGraph"/>). Complete paths come out in this order, which is the
/// answer's order: higher strength first, then fewer hops, then the lexicographically smaller node sequence. Because a
/// partial path's key never exceeds any completion's, the first k complete paths popped are the k best.
/// A safety valve stops the search after <see cref="MaxPartialPaths"/> partial paths on pathological graphs.
/// </summary>
internal sealed class StrongestPaths
{
    internal const int MaxPartialPaths = 1 << 20;

    private int[] parent = [];
    private int[] node = [];
    private int[] hops = [];
    private int[] edge = [];
    private double[] strength = [];
    private double[] key = [];
    private int[] minCompleted = [];
    private int[] heap = [];
    private int count;
    private int heapCount;
    private ReachableGraph graph = null!;

    /// <summary>
    /// Finds up to <paramref name="maxPaths"/> paths, best first, writing their ids into <paramref name="found"/>;
    /// returns how many. Read them with <see cref="Strength"/>, <see cref="Hops"/> and <see cref="WriteHops"/>.
    /// </summary>
    internal int Search(ReachableGraph reachable, int maxPaths, Span<int> found)
    {
        graph = reachable;
        count = 0;
        heapCount = 0;
        var results = 0;
        Push(-1, 0, 0, -1, 1.0, reachable.Bound(0, reachable.MaxHops), reachable.MinHops(0));
        while (heapCount > 0 && results < maxPaths)
        {
            var best = Pop();
            var at = node[best];
            if (at == reachable.Target)
            {
                found[results++] = best;
                continue;
            }

            var used = hops[best];
            if (used >= reachable.MaxHops || count >= MaxPartialPaths)
            {
                continue;
            }

            var left = reachable.MaxHops - used - 1;
            for (var e = reachable.EdgeBegin(at); e < reachable.EdgeEnd(at); e++)
            {
                var to = reachable.EdgeTo(e);
                var rest = reachable.Bound(to, left);
                if (rest <= 0 || OnPath(best, to))
                {
                    continue;
                }

                var through = strength[best] * reachable.EdgeWeight(e);
                Push(best, to, used + 1, e, through, through * rest, used + 1 + reachable.MinHops(to));
            }
        }

        return results;
    }

    internal double Strength(int path) => strength[path];

    internal int Hops(int path) => hops[path];

    /// <summary>The hops of a found path, first hop first.</summary>
    internal void WriteHops(int path, Span<TrustHop> into)
    {
        for (var at = path; parent[at] >= 0; at = parent[at])
        {
            into[hops[at] - 1] = graph.Hop(node[parent[at]], edge[at]);
        }
    }

    private bool OnPath(int path, int local)
    {
        for (var at = path; at >= 0; at = parent[at])
        {
            if (node[at] == local)
            {
                return true;
            }
        }

        return false;
    }

    private void Push(int from, int local, int pathHops, int viaEdge, double pathStrength, double pathKey, int completed)
    {
        var id = count++;
        Grow(ref parent, count);
        Grow(ref node, count);
        Grow(ref hops, count);
        Grow(ref edge, count);
        Grow(ref strength, count);
        Grow(ref key, count);
        Grow(ref minCompleted, count);
        parent[id] = from;
        node[id] = local;
        hops[id] = pathHops;
        edge[id] = viaEdge;
        strength[id] = pathStrength;
        key[id] = pathKey;
        minCompleted[id] = completed;
        Grow(ref heap, heapCount + 1);
        var index = heapCount++;
        heap[index] = id;
        while (index > 0)
        {
            var up = (index - 1) / 2;
            if (!Before(heap[index], heap[up]))
            {
                break;
            }

            (heap[index], heap[up]) = (heap[up], heap[index]);
            index = up;
        }
    }

    private int Pop()
    {
        var top = heap[0];
        heap[0] = heap[--heapCount];
        var index = 0;
        while (true)
        {
            var first = index;
            var left = (2 * index) + 1;
            var right = left + 1;
            if (left < heapCount && Before(heap[left], heap[first]))
            {
                first = left;
            }

            if (right < heapCount && Before(heap[right], heap[first]))
            {
                first = right;
            }

            if (first == index)
            {
                return top;
            }

            (heap[index], heap[first]) = (heap[first], heap[index]);
            index = first;
        }
    }

    /// <summary>Whether partial path <paramref name="a"/> is searched before <paramref name="b"/>.</summary>
    private bool Before(int a, int b)
    {
        if (key[a] != key[b])
        {
            return key[a] > key[b];
        }

        if (minCompleted[a] != minCompleted[b])
        {
            return minCompleted[a] < minCompleted[b];
        }

        Span<int> first = stackalloc int[hops[a] + 1];
        Span<int> second = stackalloc int[hops[b] + 1];
        Sequence(a, first);
        Sequence(b, second);
        var order = first.SequenceCompareTo(second);
        return order != 0 ? order < 0 : a < b;
    }

    private void Sequence(int path, Span<int> into)
    {
        for (var at = path; at >= 0; at = parent[at])
        {
            into[hops[at]] = graph.NodeAt(node[at]);
        }
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            Array.Resize(ref array, Math.Max(size, Math.Max(16, array.Length * 2)));
        }
    }
}
