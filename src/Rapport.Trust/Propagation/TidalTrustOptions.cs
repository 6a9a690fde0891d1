namespace Rapport.Trust.Propagation;

/// <summary>
/// Options of TidalTrust (Golbeck, "Computing and Applying Trust in Web-based Social Networks", PhD thesis, University
/// of Maryland, 2005). TidalTrust itself searches until it meets the sink; to rank everyone it must stop somewhere,
/// and the default depth of 6 (the "six degrees" that reach nearly everyone in a social network) keeps the answer
/// close to the thesis while bounding the work.
/// </summary>
/// <remarks>
/// Ratings are the view's edge weights in (0, 1] (|value|, times the topic fallback discount for a general statement
/// standing in on a topic query); distrust statements are not edges of the trust graph. The thesis rates on 1..10,
/// and nothing in the algorithm depends on the scale.
/// </remarks>
public sealed record TidalTrustOptions
{
    private readonly int maxDepth = 6;

    /// <summary>The defaults.</summary>
    public static TidalTrustOptions Default { get; } = new();

    /// <summary>People farther than this many hops from the viewer (by shortest path) are not scored. Default 6.</summary>
    public int MaxDepth
    {
        get => maxDepth;
        init => maxDepth = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "The depth is at least one hop.");
    }
}
