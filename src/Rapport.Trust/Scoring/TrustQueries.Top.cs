using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

public static partial class TrustQueries
{
    public static partial int Top(TrustSnapshot snapshot, Perspective perspective, int topic, TrustQueryOptions options, Span<ScoredNode> into)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var view = new PerspectiveView(snapshot, perspective, topic, options.TopicFallbackDiscount);
        return options.Algorithm switch
        {
            TrustAlgorithm.PersonalizedPageRank => PersonalizedPageRank.Top(view, options, into),
            TrustAlgorithm.Appleseed or TrustAlgorithm.MoleTrust or TrustAlgorithm.TidalTrust =>
                throw new NotSupportedException($"{options.Algorithm} is not implemented yet."),
            _ => throw new ArgumentOutOfRangeException(nameof(options), "Unknown trust algorithm."),
        };
    }
}
