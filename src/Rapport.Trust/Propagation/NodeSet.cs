namespace Rapport.Trust.Propagation;

/// <summary>
/// The nodes a query has touched, as a set that empties in O(1): a generation stamp per node says whether it is a
/// member, and members are numbered 0, 1, 2… in the order they were added (their local index, which indexes the
/// query's other scratch arrays). Lets a query reuse arrays sized to the graph without clearing them.
/// </summary>
internal sealed class NodeSet
{
    private int[] stamps = [];
    private int[] positions = [];
    private int[] members = [];
    private int generation;

    /// <summary>Number of members.</summary>
    internal int Count { get; private set; }

    /// <summary>Members by local index, in the order they were added.</summary>
    internal ReadOnlySpan<int> Members => members.AsSpan(0, Count);

    /// <summary>Empties the set and makes room for node indices below <paramref name="nodeCount"/>.</summary>
    internal void Reset(int nodeCount)
    {
        if (stamps.Length < nodeCount)
        {
            var length = Scratch.WithHeadroom(nodeCount);
            stamps = new int[length];
            positions = new int[length];
            members = new int[length];
            generation = 0;
        }

        if (generation == int.MaxValue)
        {
            Array.Clear(stamps);
            generation = 0;
        }

        generation++;
        Count = 0;
    }

    /// <summary>The local index of <paramref name="node"/>, or -1 when it is not a member.</summary>
    internal int IndexOf(int node) => stamps[node] == generation ? positions[node] : -1;

    /// <summary>Adds <paramref name="node"/> if needed and returns its local index; <paramref name="added"/> says whether it is new.</summary>
    internal int Add(int node, out bool added)
    {
        ref var stamp = ref stamps[node];
        if (stamp == generation)
        {
            added = false;
            return positions[node];
        }

        stamp = generation;
        var local = Count++;
        positions[node] = local;
        members[local] = node;
        added = true;
        return local;
    }
}
