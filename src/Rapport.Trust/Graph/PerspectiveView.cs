namespace Rapport.Trust.Graph;

/// <summary>
/// The snapshot as one perspective sees it on one topic: the read API every trust algorithm uses. Holds the privacy
/// rule in one place. For node u, <see cref="Trust"/> and <see cref="Distrust"/> yield u's out-edges:
/// <list type="bullet">
/// <item>for the viewer: the viewer's own statements of every scope (public, any community, private);</item>
/// <item>for anyone else: public statements and statements of the viewer's communities; never a private one;</item>
/// <item>on a topic query: statements on the topic at full weight, and the general statements, their weight times the
/// fallback discount, where the topic does not override them: a general trust is hidden by any visible statement on the
/// topic about the same person (trust or distrust); a general distrust only by a visible trust on the topic. So a
/// trust row has at most one edge per target; a distrust row may list a target twice (on the topic and in general),
/// and adding a distrust statement never weakens the distrust a row shows.</item>
/// </list>
/// Cheap to make (a few binary searches); make one per query. Node indices: <see cref="Viewer"/>, <see cref="Trust"/> and
/// <see cref="Distrust"/> speak the caller's external indices; the members named Inner…, <see cref="IsPlain"/> and
/// <see cref="PublicDegree"/> speak the snapshot's internal ones (<see cref="NodeOrder"/>), for hot loops over its arrays.
/// </summary>
internal readonly struct PerspectiveView
{
    private readonly ReadOnlyMemory<int> communities;
    private readonly (int Begin, int End) topicTrustRows;
    private readonly (int Begin, int End) topicDistrustRows;
    private readonly (int Begin, int End) communityTrustOnTopic;
    private readonly (int Begin, int End) communityDistrustOnTopic;
    private readonly (int Begin, int End) communityTrustGeneral;
    private readonly (int Begin, int End) communityDistrustGeneral;
    private readonly int privateTrustOnTopic;
    private readonly int privateDistrustOnTopic;
    private readonly int privateTrustGeneral;
    private readonly int privateDistrustGeneral;
    private readonly NodeRows slowRows;

    internal PerspectiveView(TrustSnapshot snapshot, Perspective perspective, int topic, float fallbackDiscount)
    {
        if ((uint)perspective.Viewer >= (uint)snapshot.NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(perspective), "The viewer is not a node of this snapshot.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(topic);
        if (!(fallbackDiscount >= 0 && fallbackDiscount <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fallbackDiscount), "The topic fallback discount is in [0, 1].");
        }

        var span = perspective.Communities.Span;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] <= span[i - 1])
            {
                throw new ArgumentException("Perspective communities must be sorted ascending without duplicates.", nameof(perspective));
            }
        }

        Snapshot = snapshot;
        Viewer = perspective.Viewer;
        InnerViewer = snapshot.Order.Internal(perspective.Viewer);
        Topic = topic;
        FallbackDiscount = fallbackDiscount;
        communities = perspective.Communities;
        topicTrustRows = snapshot.TopicTrust.RowsOn(topic);
        topicDistrustRows = snapshot.TopicDistrust.RowsOn(topic);
        communityTrustOnTopic = snapshot.CommunityTrust.RowsOn(topic);
        communityDistrustOnTopic = snapshot.CommunityDistrust.RowsOn(topic);
        communityTrustGeneral = snapshot.CommunityTrust.RowsOn(TopicIndex.General);
        communityDistrustGeneral = snapshot.CommunityDistrust.RowsOn(TopicIndex.General);
        privateTrustOnTopic = snapshot.PrivateTrust.FindRow(KeyedRows.Key(topic, InnerViewer));
        privateDistrustOnTopic = snapshot.PrivateDistrust.FindRow(KeyedRows.Key(topic, InnerViewer));
        privateTrustGeneral = snapshot.PrivateTrust.FindRow(KeyedRows.Key(TopicIndex.General, InnerViewer));
        privateDistrustGeneral = snapshot.PrivateDistrust.FindRow(KeyedRows.Key(TopicIndex.General, InnerViewer));
        slowRows = (topic != TopicIndex.General ? NodeRows.Topic : NodeRows.None)
            | (span.IsEmpty ? NodeRows.None : NodeRows.Community);
    }

    internal TrustSnapshot Snapshot { get; }

    /// <summary>The viewer's external index.</summary>
    internal int Viewer { get; }

    /// <summary>The viewer's internal index.</summary>
    internal int InnerViewer { get; }

    /// <summary>External ↔ internal node indices of the snapshot.</summary>
    internal NodeOrder Order => Snapshot.Order;

    internal int Topic { get; }

    internal float FallbackDiscount { get; }

    internal int NodeCount => Snapshot.NodeCount;

    /// <summary>
    /// True when <paramref name="node"/>'s visible trust row is exactly its public general row, so a hot loop may read
    /// <see cref="TrustSnapshot.PublicTrust"/> directly (on a topic query every edge of such a row is a fallback, so
    /// the discount cancels out of any row normalisation).
    /// </summary>
    internal bool IsPlain(int node) => node != InnerViewer && (Snapshot.RowFlags[node] & slowRows) == 0;

    /// <summary>The <see cref="TrustSnapshot.RowFlags"/> that make a row not plain for this view (for hot loops that inline <see cref="IsPlain"/>).</summary>
    internal NodeRows SlowRows => slowRows;

    /// <summary>Number of public general trust statements of <paramref name="node"/>: a degree that no private or community statement changes.</summary>
    internal int PublicDegree(int node) => Snapshot.PublicTrust.Start[node + 1] - Snapshot.PublicTrust.Start[node];

    /// <summary>Positive out-edges of <paramref name="node"/>: the edges trust propagates along (external indices).</summary>
    internal ViewRow Trust(int node) => Row(Snapshot.Order.Internal(node), trust: true, Snapshot.Order);

    /// <summary>Distrust out-edges of <paramref name="node"/>: used one step, never propagated (external indices).</summary>
    internal ViewRow Distrust(int node) => Row(Snapshot.Order.Internal(node), trust: false, Snapshot.Order);

    /// <summary><see cref="Trust"/> under internal indices: the node and every edge's target.</summary>
    internal ViewRow InnerTrust(int node) => Row(node, trust: true, NodeOrder.Identity);

    /// <summary><see cref="Distrust"/> under internal indices: the node and every edge's target.</summary>
    internal ViewRow InnerDistrust(int node) => Row(node, trust: false, NodeOrder.Identity);

    private ViewRow Row(int node, bool trust, NodeOrder targets)
    {
        var snapshot = Snapshot;
        var isViewer = node == InnerViewer;
        var flags = snapshot.RowFlags[node];
        var visible = communities.Span;
        var readCommunities = (flags & NodeRows.Community) != 0 && (isViewer || !visible.IsEmpty);
        var parts = default(RowParts);
        var topicStatements = default(RowParts);
        var onTopic = Topic != TopicIndex.General;
        if (onTopic)
        {
            if ((flags & NodeRows.Topic) != 0)
            {
                var key = KeyedRows.Key(Topic, node);
                topicStatements[0] = RowPart.Of(snapshot.TopicTrust, snapshot.TopicTrust.FindRow(key, topicTrustRows.Begin, topicTrustRows.End), false, false);
                topicStatements[1] = RowPart.Of(snapshot.TopicDistrust, snapshot.TopicDistrust.FindRow(key, topicDistrustRows.Begin, topicDistrustRows.End), false, false);
            }

            if (readCommunities)
            {
                var key = KeyedRows.Key(Topic, node);
                topicStatements[2] = RowPart.Of(snapshot.CommunityTrust, snapshot.CommunityTrust.FindRow(key, communityTrustOnTopic.Begin, communityTrustOnTopic.End), !isViewer, false);
                topicStatements[3] = RowPart.Of(snapshot.CommunityDistrust, snapshot.CommunityDistrust.FindRow(key, communityDistrustOnTopic.Begin, communityDistrustOnTopic.End), !isViewer, false);
            }

            if (isViewer)
            {
                topicStatements[4] = RowPart.Of(snapshot.PrivateTrust, privateTrustOnTopic, false, false);
                topicStatements[5] = RowPart.Of(snapshot.PrivateDistrust, privateDistrustOnTopic, false, false);
            }

            var own = trust ? 0 : 1;
            parts[0] = topicStatements[own];
            parts[1] = topicStatements[2 + own];
            parts[2] = topicStatements[4 + own];
            if (!trust)
            {
                // A distrust on the topic does not hide a general distrust (both count); only trust on the topic does.
                topicStatements[1] = default;
                topicStatements[3] = default;
                topicStatements[5] = default;
            }
        }

        var dense = trust ? snapshot.PublicTrust : snapshot.PublicDistrust;
        parts[3] = RowPart.Of(dense.Targets, dense.Values, null, dense.Start[node], dense.Start[node + 1], onTopic);
        if (readCommunities)
        {
            var layer = trust ? snapshot.CommunityTrust : snapshot.CommunityDistrust;
            var range = trust ? communityTrustGeneral : communityDistrustGeneral;
            parts[4] = RowPart.Of(layer, layer.FindRow(KeyedRows.Key(TopicIndex.General, node), range.Begin, range.End), !isViewer, onTopic);
        }

        if (isViewer)
        {
            parts[5] = trust
                ? RowPart.Of(snapshot.PrivateTrust, privateTrustGeneral, false, onTopic)
                : RowPart.Of(snapshot.PrivateDistrust, privateDistrustGeneral, false, onTopic);
        }

        return new ViewRow(parts, topicStatements, visible, Topic, FallbackDiscount, targets);
    }
}
