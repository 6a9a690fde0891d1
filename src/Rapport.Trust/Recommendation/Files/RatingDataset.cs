namespace Rapport.Trust.Recommendation.Files;

/// <summary>
/// A dataset as read: the ratings after removing repeated (user, item) rows (the last row wins), the trust network
/// after removing self-loops and repeated edges, and what was removed. Users of either file share one index space.
/// </summary>
public sealed record RatingDataset
{
    /// <summary>Every kept rating, one per (user, item), in file order of the kept rows.</summary>
    public required IReadOnlyList<Rating> Ratings { get; init; }

    /// <summary>Kept trust edges (trustor, trustee).</summary>
    public required IReadOnlyList<(int From, int To)> Trust { get; init; }

    /// <summary>Number of user indices (raters and people in the trust file).</summary>
    public required int UserCount { get; init; }

    /// <summary>Number of item indices.</summary>
    public required int ItemCount { get; init; }

    /// <summary>Rating rows read.</summary>
    public required int RatingRows { get; init; }

    /// <summary>Rating rows dropped because a later row rated the same item by the same user.</summary>
    public required int DuplicateRatings { get; init; }

    /// <summary>Trust rows read.</summary>
    public required int TrustRows { get; init; }

    /// <summary>Trust rows dropped: a person trusting themselves.</summary>
    public required int TrustSelfLoops { get; init; }

    /// <summary>Trust rows dropped: an edge already read, or a value of 0 or less (not trust).</summary>
    public required int TrustDropped { get; init; }
}
