namespace Rapport.Trust.Graph;

/// <summary>
/// How a snapshot numbers its nodes inside: callers speak external node indices (the ones they built the snapshot
/// with), every layer of the snapshot is stored under internal indices. A large snapshot is ordered for memory locality
/// at <see cref="TrustSnapshot.Build(int, ReadOnlySpan{StatementEdge}, long)"/>: people by their number of public general trust statements (made and received),
/// most first, ties by external index, so the hubs that most pushes pass through share cache lines and pages instead
/// of being spread over the whole per-node arrays. The order reads the public general trust layer only, so no private,
/// community or topic statement ever changes it (nor, through it, anyone's results). Nodes added later by
/// <see cref="TrustSnapshot.Apply"/> keep their external index as internal index (appended at the end), so a refresh
/// never renumbers; indices at or beyond <see cref="Count"/> map to themselves. Immutable; shared by the snapshots a
/// refresh makes from one build.
/// </summary>
internal sealed class NodeOrder
{
    /// <summary>
    /// Build orders a snapshot of at least this many nodes. Below it a query's per-node forward-push state (8 bytes a
    /// node) fits in a 1 MiB L2 cache whatever the order, so renumbering cannot save misses and would only cost a second
    /// build pass; every graph of up to 131,072 people keeps external = internal indices.
    /// </summary>
    internal const int MinNodes = (1 << 20) / 8;

    private readonly int[] toInternal;
    private readonly int[] toExternal;

    private NodeOrder(int[] toInternal, int[] toExternal)
    {
        this.toInternal = toInternal;
        this.toExternal = toExternal;
    }

    /// <summary>Internal = external.</summary>
    internal static NodeOrder Identity { get; } = new([], []);

    internal bool IsIdentity => toInternal.Length == 0;

    /// <summary>How many nodes the order renumbers (the node count at build); later nodes map to themselves.</summary>
    internal int Count => toInternal.Length;

    /// <summary>Internal index of an external one; an index outside the renumbered range is returned as it is.</summary>
    internal int Internal(int external) => (uint)external < (uint)toInternal.Length ? toInternal[external] : external;

    /// <summary>External index of an internal one; an index outside the renumbered range is returned as it is.</summary>
    internal int External(int @internal) => (uint)@internal < (uint)toExternal.Length ? toExternal[@internal] : @internal;

    /// <summary>
    /// The locality order of <paramref name="publicTrust"/>'s nodes: by public general trust degree (out + in),
    /// highest first, ties by index (a stable counting sort, O(nodes + edges)).
    /// </summary>
    internal static NodeOrder ByDegree(DenseRows publicTrust)
    {
        var nodeCount = publicTrust.NodeCount;
        var degree = new int[nodeCount];
        var start = publicTrust.Start;
        for (var node = 0; node < nodeCount; node++)
        {
            degree[node] += start[node + 1] - start[node];
        }

        foreach (var target in publicTrust.Targets.AsSpan(0, publicTrust.EdgeCount))
        {
            degree[target]++;
        }

        var maxDegree = 0;
        foreach (var d in degree)
        {
            maxDegree = Math.Max(maxDegree, d);
        }

        // Slot of the first node of each degree, highest degree first.
        var slot = new int[maxDegree + 1];
        foreach (var d in degree)
        {
            slot[d]++;
        }

        var next = 0;
        for (var d = maxDegree; d >= 0; d--)
        {
            (slot[d], next) = (next, next + slot[d]);
        }

        var toExternal = new int[nodeCount];
        var toInternal = new int[nodeCount];
        for (var node = 0; node < nodeCount; node++)
        {
            var position = slot[degree[node]]++;
            toExternal[position] = node;
            toInternal[node] = position;
        }

        return new NodeOrder(toInternal, toExternal);
    }

    /// <summary>The edges under internal indices (the same array when the order is the identity).</summary>
    internal ReadOnlySpan<StatementEdge> Internal(ReadOnlySpan<StatementEdge> edges)
    {
        if (IsIdentity || edges.IsEmpty)
        {
            return edges;
        }

        var mapped = new StatementEdge[edges.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            var edge = edges[i];
            mapped[i] = edge with { From = Internal(edge.From), To = Internal(edge.To) };
        }

        return mapped;
    }

    /// <summary>The keys under internal indices (the same array when the order is the identity).</summary>
    internal ReadOnlySpan<EdgeKey> Internal(ReadOnlySpan<EdgeKey> keys)
    {
        if (IsIdentity || keys.IsEmpty)
        {
            return keys;
        }

        var mapped = new EdgeKey[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            mapped[i] = key with { From = Internal(key.From), To = Internal(key.To) };
        }

        return mapped;
    }
}
