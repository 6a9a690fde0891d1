namespace Rapport.Trust.Graph;

/// <summary>
/// Where a current statement lives in a snapshot: by scope, by sign (trust and distrust are kept apart, because only
/// trust propagates), and for public statements whether it is general or on a topic.
/// </summary>
internal enum EdgeLayer : byte
{
    /// <summary>Not in the snapshot: a removal, or a key that was never current.</summary>
    None = 0,
    PublicTrust,
    PublicDistrust,
    TopicTrust,
    TopicDistrust,
    CommunityTrust,
    CommunityDistrust,
    PrivateTrust,
    PrivateDistrust,
}

/// <summary>Which sparse layers a node has rows in, so the hot path can skip their look-ups.</summary>
[Flags]
internal enum NodeRows : byte
{
    None = 0,
    Topic = 1,
    Community = 2,
    Private = 4,
}

internal static class EdgeLayers
{
    /// <summary>The layer a statement belongs in.</summary>
    internal static EdgeLayer Of(in StatementEdge edge)
    {
        var trust = edge.Value > 0;
        return edge.Scope switch
        {
            EdgeScope.Public when edge.Topic == TopicIndex.General => trust ? EdgeLayer.PublicTrust : EdgeLayer.PublicDistrust,
            EdgeScope.Public => trust ? EdgeLayer.TopicTrust : EdgeLayer.TopicDistrust,
            EdgeScope.Community => trust ? EdgeLayer.CommunityTrust : EdgeLayer.CommunityDistrust,
            _ => trust ? EdgeLayer.PrivateTrust : EdgeLayer.PrivateDistrust,
        };
    }
}
