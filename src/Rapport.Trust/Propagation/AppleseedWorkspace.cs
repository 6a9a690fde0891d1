namespace Rapport.Trust.Propagation;

/// <summary>
/// Scratch memory of one thread's Appleseed queries. Arrays are indexed by local index (the order nodes were
/// discovered, see <see cref="NodeSet"/>) and only grow, so a steady-state query allocates nothing. Each discovered
/// node's visible trust row is read through the view once and cached here with its energy shares, because every
/// iteration spreads along it again.
/// </summary>
internal sealed class AppleseedWorkspace
{
    internal NodeSet Nodes { get; } = new();

    /// <summary>Accumulated trust rank.</summary>
    internal double[] Trust = [];

    /// <summary>Energy each node holds at the start of the iteration (the paper's <c>in_{i−1}</c>).</summary>
    internal double[] Energy = [];

    /// <summary>Energy arriving during the iteration (the paper's <c>in_i</c>).</summary>
    internal double[] Incoming = [];

    /// <summary>Hops from the viewer when discovered.</summary>
    internal int[] Distance = [];

    /// <summary>Cached row of a node: edges [RowBegin, RowEnd) of <see cref="Targets"/>; RowBegin is -1 until read.</summary>
    internal int[] RowBegin = [];

    internal int[] RowEnd = [];

    /// <summary>Share of a node's outgoing energy that goes back to the viewer (the backward edge).</summary>
    internal double[] BackShare = [];

    /// <summary>Cached edges: local target and share of the source's outgoing energy.</summary>
    internal int[] Targets = [];

    internal double[] Shares = [];

    internal int EdgeCount;

    internal RankedNode[] Candidates = [];

    internal void Reset(int nodeCount)
    {
        Nodes.Reset(nodeCount);
        EdgeCount = 0;
    }

    /// <summary>Adds <paramref name="node"/> to the discovered set with zero trust, and returns its local index.</summary>
    internal int Discover(int node, int distance)
    {
        var local = Nodes.Add(node, out var added);
        if (added)
        {
            if (local >= Trust.Length)
            {
                Grow(local + 1);
            }

            Trust[local] = 0;
            Energy[local] = 0;
            Incoming[local] = 0;
            Distance[local] = distance;
            RowBegin[local] = -1;
        }

        return local;
    }

    internal void AddEdge(int target, double weight)
    {
        if (EdgeCount == Targets.Length)
        {
            Scratch.Ensure(ref Targets, EdgeCount + 1);
            Scratch.Ensure(ref Shares, EdgeCount + 1);
        }

        Targets[EdgeCount] = target;
        Shares[EdgeCount] = weight;
        EdgeCount++;
    }

    private void Grow(int length)
    {
        Scratch.Ensure(ref Trust, length);
        Scratch.Ensure(ref Energy, length);
        Scratch.Ensure(ref Incoming, length);
        Scratch.Ensure(ref Distance, length);
        Scratch.Ensure(ref RowBegin, length);
        Scratch.Ensure(ref RowEnd, length);
        Scratch.Ensure(ref BackShare, length);
        Scratch.Ensure(ref Candidates, length);
    }
}
