using Rapport.Trust.Explanation;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

public static partial class TrustQueries
{
    /// <remarks>
    /// Paths are simple and use only trust statements the perspective may see (the viewer's own of any scope first).
    /// Each <see cref="TrustHop.Value"/> is the statement's own value; a hop whose topic is General on a topic query was
    /// a fallback and counts at the discount in <see cref="TrustPath.Strength"/>. Ties: fewer hops first, then the
    /// lexicographically smaller sequence of node indices. maxPaths is at most 100 and maxHops 1..16.
    /// </remarks>
    public static partial IReadOnlyList<TrustPath> Why(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxPaths, int maxHops)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var view = new PerspectiveView(snapshot, perspective, topic, TrustQueryOptions.Default.TopicFallbackDiscount);
        return PathSearch.Why(view, target, maxPaths, maxHops);
    }
}
