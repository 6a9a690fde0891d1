using Rapport.Trust.Explanation;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

public static partial class TrustQueries
{
    /// <remarks>
    /// Paths are simple and use only trust statements the perspective may see (the viewer's own of any scope first).
    /// Each <see cref="TrustHop.Value"/> is the statement's own value; a hop whose topic is General on a topic query was
    /// a fallback and counts at the discount in <see cref="TrustPath.Strength"/>. Ties: fewer hops first, then the
    /// lexicographically smaller sequence of node indices. maxPaths is at most 100 and maxHops 1..16. Uses the default
    /// fallback discount; the overload with <see cref="TrustQueryOptions"/> takes another.
    /// </remarks>
    public static partial IReadOnlyList<TrustPath> Why(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxPaths, int maxHops)
    {
        return Why(snapshot, perspective, topic, target, TrustQueryOptions.Default, maxPaths, maxHops);
    }

    /// <summary>
    /// <see cref="Why(TrustSnapshot, Perspective, int, int, int, int)"/> with the fallback discount of
    /// <paramref name="options"/>, so an explanation discounts fallback hops as the <see cref="Top"/> it explains did.
    /// </summary>
    public static IReadOnlyList<TrustPath> Why(TrustSnapshot snapshot, Perspective perspective, int topic, int target, TrustQueryOptions options, int maxPaths = 3, int maxHops = 4)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var view = new PerspectiveView(snapshot, perspective, topic, options.TopicFallbackDiscount);
        return PathSearch.Why(view, target, maxPaths, maxHops);
    }
}
