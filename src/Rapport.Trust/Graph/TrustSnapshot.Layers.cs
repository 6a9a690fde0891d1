namespace Rapport.Trust.Graph;

/// <summary>
/// The layout. One direction (out-edges), trust and distrust apart, one layer per scope:
/// <list type="bullet">
/// <item>public general statements: dense CSR over all nodes (<see cref="PublicTrust"/> keeps row sums for
/// normalisation; <see cref="PublicDistrust"/> does not);</item>
/// <item>public topic statements: keyed rows by (topic, from), so hundreds of topics cost nothing per node;</item>
/// <item>community statements, any topic: keyed rows by (topic, from) with the community of each edge;</item>
/// <item>private statements, any topic: keyed rows by (topic, from); a query reads only the viewer's rows.</item>
/// </list>
/// </summary>
public sealed partial class TrustSnapshot
{
    internal DenseRows PublicTrust { get; private init; } = DenseRows.Empty(withSums: true);

    internal DenseRows PublicDistrust { get; private init; } = DenseRows.Empty(withSums: false);

    internal KeyedRows TopicTrust { get; private init; } = KeyedRows.Empty(withCommunities: false);

    internal KeyedRows TopicDistrust { get; private init; } = KeyedRows.Empty(withCommunities: false);

    internal KeyedRows CommunityTrust { get; private init; } = KeyedRows.Empty(withCommunities: true);

    internal KeyedRows CommunityDistrust { get; private init; } = KeyedRows.Empty(withCommunities: true);

    internal KeyedRows PrivateTrust { get; private init; } = KeyedRows.Empty(withCommunities: false);

    internal KeyedRows PrivateDistrust { get; private init; } = KeyedRows.Empty(withCommunities: false);

    /// <summary>External ↔ internal node indices: every layer, flag and per-node array is under internal indices.</summary>
    internal NodeOrder Order { get; private init; } = NodeOrder.Identity;

    /// <summary>Per node, which keyed layers it has rows in (1 byte per node).</summary>
    internal NodeRows[] RowFlags { get; private init; } = [];

    /// <summary>Bytes held by the arrays of this snapshot (shared arrays counted in full).</summary>
    internal long ArrayBytes()
    {
        long bytes = RowFlags.Length + Order.Bytes;
        bytes += Bytes(PublicTrust) + Bytes(PublicDistrust);
        bytes += Bytes(TopicTrust) + Bytes(TopicDistrust) + Bytes(CommunityTrust) + Bytes(CommunityDistrust);
        bytes += Bytes(PrivateTrust) + Bytes(PrivateDistrust);
        return bytes;

        static long Bytes(object layer) => layer switch
        {
            DenseRows d => (4L * d.Start.Length) + (8L * d.Targets.Length) + (4L * (d.Sums?.Length ?? 0)),
            KeyedRows k => (12L * k.Keys.Length) + 4 + (8L * k.Targets.Length) + (4L * (k.Communities?.Length ?? 0)),
            _ => 0,
        };
    }

    private static TrustSnapshot Refresh(TrustSnapshot old, int nodeCount, ReadOnlySpan<StatementEdge> upserts, ReadOnlySpan<EdgeKey> removals, long version, NodeOrder order)
    {
        var changes = EdgeChanges.Collect(old, nodeCount, upserts, removals);
        var topicTrust = KeyedRowsMerge.Merge(old.TopicTrust, changes, EdgeLayer.TopicTrust);
        var topicDistrust = KeyedRowsMerge.Merge(old.TopicDistrust, changes, EdgeLayer.TopicDistrust);
        var communityTrust = KeyedRowsMerge.Merge(old.CommunityTrust, changes, EdgeLayer.CommunityTrust);
        var communityDistrust = KeyedRowsMerge.Merge(old.CommunityDistrust, changes, EdgeLayer.CommunityDistrust);
        var privateTrust = KeyedRowsMerge.Merge(old.PrivateTrust, changes, EdgeLayer.PrivateTrust);
        var privateDistrust = KeyedRowsMerge.Merge(old.PrivateDistrust, changes, EdgeLayer.PrivateDistrust);
        var sameKeyed = nodeCount == old.NodeCount
            && topicTrust == old.TopicTrust && topicDistrust == old.TopicDistrust
            && communityTrust == old.CommunityTrust && communityDistrust == old.CommunityDistrust
            && privateTrust == old.PrivateTrust && privateDistrust == old.PrivateDistrust;
        var publicTrust = DenseRowsMerge.Merge(old.PublicTrust, nodeCount, changes, EdgeLayer.PublicTrust);
        var publicDistrust = DenseRowsMerge.Merge(old.PublicDistrust, nodeCount, changes, EdgeLayer.PublicDistrust);
        return new TrustSnapshot
        {
            publicPrior = InheritedPrior(old, publicTrust, nodeCount),
            NodeCount = nodeCount,
            Order = order,
            EdgeCount = publicTrust.EdgeCount + publicDistrust.EdgeCount + topicTrust.EdgeCount + topicDistrust.EdgeCount
                + communityTrust.EdgeCount + communityDistrust.EdgeCount + privateTrust.EdgeCount + privateDistrust.EdgeCount,
            Version = version,
            PublicTrust = publicTrust,
            PublicDistrust = publicDistrust,
            TopicTrust = topicTrust,
            TopicDistrust = topicDistrust,
            CommunityTrust = communityTrust,
            CommunityDistrust = communityDistrust,
            PrivateTrust = privateTrust,
            PrivateDistrust = privateDistrust,
            RowFlags = sameKeyed ? old.RowFlags : Flags(nodeCount, topicTrust, topicDistrust, communityTrust, communityDistrust, privateTrust, privateDistrust),
        };
    }

    private static NodeRows[] Flags(int nodeCount, KeyedRows topicTrust, KeyedRows topicDistrust, KeyedRows communityTrust, KeyedRows communityDistrust, KeyedRows privateTrust, KeyedRows privateDistrust)
    {
        var flags = new NodeRows[nodeCount];
        Mark(flags, topicTrust, NodeRows.Topic);
        Mark(flags, topicDistrust, NodeRows.Topic);
        Mark(flags, communityTrust, NodeRows.Community);
        Mark(flags, communityDistrust, NodeRows.Community);
        Mark(flags, privateTrust, NodeRows.Private);
        Mark(flags, privateDistrust, NodeRows.Private);
        return flags;

        static void Mark(NodeRows[] flags, KeyedRows rows, NodeRows flag)
        {
            foreach (var key in rows.Keys)
            {
                flags[KeyedRows.FromOf(key)] |= flag;
            }
        }
    }
}
