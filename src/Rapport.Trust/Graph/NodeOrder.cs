using System.Numerics;

namespace Rapport.Trust.Graph;

/// <summary>
/// How a snapshot numbers its nodes inside: callers speak external node indices (the ones they built the snapshot
/// with), every layer of the snapshot is stored under internal indices. A large snapshot is ordered for memory locality
/// at <see cref="TrustSnapshot.Build(int, ReadOnlySpan{StatementEdge}, long)"/>: its hubs — the
/// 1/<see cref="HubShare"/> of people with the most public general trust statements (made and received), most first,
/// ties by external index — take the first internal indices, so the nodes most pushes pass through share cache lines
/// and pages instead of being spread over the whole per-node arrays; everyone else follows in external order. The order
/// reads the public general trust layer only, so no private, community or topic statement ever changes it (nor,
/// through it, anyone's results). Nodes added later by <see cref="TrustSnapshot.Apply"/> keep their external index as
/// internal index (appended at the end), so a refresh never renumbers; indices at or beyond <see cref="Count"/> map to
/// themselves. Immutable; shared by the snapshots a refresh makes from one build.
/// </summary>
/// <remarks>
/// Only the hubs are stored: a bit per node (is it a hub), the hubs before each 64-node word, and two arrays over the
/// hubs, ~1.2 bytes per node at the default share instead of the 8 of two full permutation arrays — the snapshot's
/// per-node budget (16 bytes, docs/trust-engine.md "Layout") has room for the first, not the second. A non-hub's
/// internal index is the hub count plus its rank among non-hubs (rank: one popcount), its external index the
/// matching select (a binary search over the words, then one word).
/// </remarks>
internal sealed class NodeOrder
{
    /// <summary>
    /// Build orders a snapshot of at least this many nodes. Below it a query's per-node forward-push state (8 bytes a
    /// node) fits in a 1 MiB L2 cache whatever the order, so renumbering cannot save misses and would only cost a second
    /// build pass; every graph of up to 131,072 people keeps external = internal indices.
    /// </summary>
    internal const int MinNodes = (1 << 20) / 8;

    /// <summary>
    /// One node in this many is a hub (rounded up). At 1M nodes that is 125,000 hubs: their 16-byte query state is
    /// 2 MB, the size where the push's hot set stops gaining from being packed tighter (docs/trust-engine.md "Session 7").
    /// </summary>
    internal const int HubShare = 8;

    private const int WordBits = 64;

    private readonly int count;
    private readonly int[] hubs;
    private readonly int[] hubInternal;
    private readonly ulong[] isHub;
    private readonly int[] hubsBefore;

    private NodeOrder(int count, int[] hubs, int[] hubInternal, ulong[] isHub, int[] hubsBefore)
    {
        this.count = count;
        this.hubs = hubs;
        this.hubInternal = hubInternal;
        this.isHub = isHub;
        this.hubsBefore = hubsBefore;
    }

    /// <summary>Internal = external.</summary>
    internal static NodeOrder Identity { get; } = new(0, [], [], [], [0]);

    internal bool IsIdentity => count == 0;

    /// <summary>How many nodes the order renumbers (the node count at build); later nodes map to themselves.</summary>
    internal int Count => count;

    /// <summary>How many nodes come first as hubs.</summary>
    internal int HubCount => hubs.Length;

    /// <summary>Bytes the order holds (its arrays' payload).</summary>
    internal long Bytes => (sizeof(int) * ((long)hubs.Length + hubInternal.Length + hubsBefore.Length)) + (sizeof(ulong) * (long)isHub.Length);

    /// <summary>Internal index of an external one; an index outside the renumbered range is returned as it is.</summary>
    internal int Internal(int external)
    {
        if ((uint)external >= (uint)count)
        {
            return external;
        }

        var rank = HubsBefore(external);
        return ((isHub[external / WordBits] >> (external % WordBits)) & 1) != 0 ? hubInternal[rank] : hubs.Length + external - rank;
    }

    /// <summary>Hubs with a lower external index than <paramref name="external"/> (rank: one popcount).</summary>
    private int HubsBefore(int external) =>
        hubsBefore[external / WordBits] + BitOperations.PopCount(isHub[external / WordBits] & ((1UL << (external % WordBits)) - 1));

    /// <summary>External index of an internal one; an index outside the renumbered range is returned as it is.</summary>
    internal int External(int @internal)
    {
        if ((uint)@internal >= (uint)count)
        {
            return @internal;
        }

        if (@internal < hubs.Length)
        {
            return hubs[@internal];
        }

        // The k-th non-hub (0-based): the last word with at most k non-hubs before it, then the matching zero bit in it.
        var k = @internal - hubs.Length;
        int low = 0, high = isHub.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if ((middle * WordBits) - hubsBefore[middle] <= k)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var zeros = ~isHub[low];
        for (var skip = k - ((low * WordBits) - hubsBefore[low]); skip > 0; skip--)
        {
            zeros &= zeros - 1;
        }

        return (low * WordBits) + BitOperations.TrailingZeroCount(zeros);
    }

    /// <summary>The locality order of <paramref name="publicTrust"/>'s nodes (see the class summary), O(nodes + edges).</summary>
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

        return FromDegrees(degree, (nodeCount + HubShare - 1) / HubShare);
    }

    /// <summary>
    /// The order with the <paramref name="hubCount"/> nodes of highest <paramref name="degree"/> first (degree
    /// descending, ties by index: a stable counting sort), the others after them in index order.
    /// </summary>
    internal static NodeOrder FromDegrees(ReadOnlySpan<int> degree, int hubCount)
    {
        var nodeCount = degree.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(hubCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hubCount, nodeCount);
        var maxDegree = 0;
        foreach (var d in degree)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(degree));
            maxDegree = Math.Max(maxDegree, d);
        }

        // Slot of the first node of each degree, highest degree first; the first hubCount slots are the hubs.
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

        var hubs = new int[hubCount];
        var isHub = new ulong[(nodeCount + WordBits - 1) / WordBits];
        for (var node = 0; node < nodeCount; node++)
        {
            var position = slot[degree[node]]++;
            if (position < hubCount)
            {
                hubs[position] = node;
                isHub[node / WordBits] |= 1UL << (node % WordBits);
            }
        }

        var hubsBefore = new int[isHub.Length + 1];
        for (var word = 0; word < isHub.Length; word++)
        {
            hubsBefore[word + 1] = hubsBefore[word] + BitOperations.PopCount(isHub[word]);
        }

        var order = new NodeOrder(nodeCount, hubs, new int[hubCount], isHub, hubsBefore);
        for (var position = 0; position < hubCount; position++)
        {
            order.hubInternal[order.HubsBefore(hubs[position])] = position;
        }

        return order;
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
