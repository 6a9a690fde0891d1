using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Tests.Scoring;

/// <summary>Test helpers around <see cref="TrustQueries"/>.</summary>
internal static class Queries
{
    internal static readonly TrustQueryOptions Exact = TrustQueryOptions.Default with { Tier = PrecisionTier.Exact };
    internal static readonly TrustQueryOptions High = TrustQueryOptions.Default;
    internal static readonly TrustQueryOptions Cheap = TrustQueryOptions.Default with { Tier = PrecisionTier.Cheap };

    /// <summary>Every scored node, best first.</summary>
    internal static ScoredNode[] TopAll(TrustSnapshot snapshot, Perspective perspective, TrustQueryOptions options, int topic = TopicIndex.General)
    {
        var into = new ScoredNode[snapshot.NodeCount];
        var count = TrustQueries.Top(snapshot, perspective, topic, options, into);
        return into[..count];
    }

    internal static ScoredNode[] TopAll(TrustSnapshot snapshot, int viewer, TrustQueryOptions options, int topic = TopicIndex.General) =>
        TopAll(snapshot, Perspective.Of(viewer), options, topic);

    internal static float ScoreOf(ScoredNode[] top, int node)
    {
        foreach (var scored in top)
        {
            if (scored.Node == node)
            {
                return scored.Score;
            }
        }

        return 0;
    }
}
