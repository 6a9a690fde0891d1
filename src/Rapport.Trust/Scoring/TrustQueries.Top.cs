using Rapport.Trust.Graph;
using Rapport.Trust.Propagation;

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
            TrustAlgorithm.Appleseed => PropagatedTop.Write(view, Appleseed.Score(view, options.Appleseed), (float)(1 / options.Appleseed.Injection), into),
            TrustAlgorithm.MoleTrust => PropagatedTop.Write(view, MoleTrust.Score(view, options.MoleTrust), 1, into),
            TrustAlgorithm.TidalTrust => PropagatedTop.Write(view, TidalTrust.Score(view, options.TidalTrust), 1, into),
            _ => throw new ArgumentOutOfRangeException(nameof(options), "Unknown trust algorithm."),
        };
    }
}
