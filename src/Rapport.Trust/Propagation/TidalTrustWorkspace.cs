namespace Rapport.Trust.Propagation;

/// <summary>
/// Scratch memory of one thread's TidalTrust queries: the shortest-path DAG from the viewer (nodes in breadth-first
/// order by local index, edges indexed by child) and the per-sink marks of the backward passes. Arrays only grow: a
/// steady-state query allocates nothing.
/// </summary>
internal sealed class TidalTrustWorkspace
{
    private int sinkStamp;

    internal NodeSet Nodes { get; } = new();

    /// <summary>Hops from the viewer.</summary>
    internal int[] Depth = [];

    /// <summary>Strength of the strongest shortest path from the viewer: max over paths of the weakest rating on it.</summary>
    internal float[] Flow = [];

    /// <summary>DAG edges parent → child (local indices) with their rating, in discovery order.</summary>
    internal int[] EdgeParent = [];

    internal int[] EdgeChild = [];

    internal float[] EdgeRating = [];

    internal int EdgeCount;

    /// <summary>The DAG by child: parents of local u are [ParentStart[u], ParentStart[u + 1]) of <see cref="Parent"/>.</summary>
    internal int[] ParentStart = [];

    internal int[] Parent = [];

    internal float[] ParentRating = [];

    /// <summary>Which sink's backward pass last reached a node (see <see cref="NextSink"/>).</summary>
    internal int[] Mark = [];

    /// <summary>Σ rating × inferred trust, Σ rating, and inferred trust in the current sink, per node.</summary>
    internal double[] Sum = [];

    internal double[] Ratings = [];

    internal double[] Inferred = [];

    /// <summary>Two level lists for the backward pass.</summary>
    internal int[] Level = [];

    internal int[] NextLevel = [];

    internal RankedNode[] Candidates = [];

    internal void Reset(int nodeCount)
    {
        Nodes.Reset(nodeCount);
        EdgeCount = 0;
    }

    /// <summary>Adds <paramref name="node"/> at <paramref name="depth"/> if new, and returns its local index.</summary>
    internal int Reach(int node, int depth)
    {
        var local = Nodes.Add(node, out var added);
        if (added)
        {
            if (local >= Depth.Length)
            {
                Scratch.Ensure(ref Depth, local + 1);
                Scratch.Ensure(ref Flow, local + 1);
            }

            Depth[local] = depth;
            Flow[local] = 0;
        }

        return local;
    }

    internal void AddEdge(int parent, int child, float rating)
    {
        if (EdgeCount == EdgeParent.Length)
        {
            Scratch.Ensure(ref EdgeParent, EdgeCount + 1);
            Scratch.Ensure(ref EdgeChild, EdgeCount + 1);
            Scratch.Ensure(ref EdgeRating, EdgeCount + 1);
        }

        EdgeParent[EdgeCount] = parent;
        EdgeChild[EdgeCount] = child;
        EdgeRating[EdgeCount] = rating;
        EdgeCount++;
    }

    /// <summary>Sorts the DAG edges by child (a stable counting sort) and sizes the per-sink arrays.</summary>
    internal void IndexByChild()
    {
        var count = Nodes.Count;
        Scratch.Ensure(ref ParentStart, count + 1);
        Scratch.Ensure(ref Parent, EdgeCount);
        Scratch.Ensure(ref ParentRating, EdgeCount);
        if (Mark.Length < count)
        {
            // Fresh marks are zero, so the stamps restart above zero.
            Scratch.Ensure(ref Mark, count);
            Array.Clear(Mark);
            sinkStamp = 0;
        }

        Scratch.Ensure(ref Sum, count);
        Scratch.Ensure(ref Ratings, count);
        Scratch.Ensure(ref Inferred, count);
        Scratch.Ensure(ref Level, count);
        Scratch.Ensure(ref NextLevel, count);
        Scratch.Ensure(ref Candidates, count);

        Array.Clear(ParentStart, 0, count + 1);
        for (var e = 0; e < EdgeCount; e++)
        {
            ParentStart[EdgeChild[e] + 1]++;
        }

        for (var u = 0; u < count; u++)
        {
            ParentStart[u + 1] += ParentStart[u];
        }

        // Place each edge at its child's cursor, using Level as the cursors; ParentStart stays intact.
        ParentStart.AsSpan(0, count).CopyTo(Level);
        for (var e = 0; e < EdgeCount; e++)
        {
            var at = Level[EdgeChild[e]]++;
            Parent[at] = EdgeParent[e];
            ParentRating[at] = EdgeRating[e];
        }
    }

    /// <summary>A stamp for a new sink's backward pass: nodes with <c>Mark[u] == stamp</c> are on its DAG.</summary>
    internal int NextSink()
    {
        if (sinkStamp == int.MaxValue)
        {
            Array.Clear(Mark);
            sinkStamp = 0;
        }

        return ++sinkStamp;
    }
}
