using Rapport.Core.Communities;
using Rapport.Core.Trust;
using Rapport.Trust.Recommendation;

namespace Rapport.Core.Recommendations;

/// <summary>How the feed is ordered.</summary>
public enum FeedOrder
{
    /// <summary>By the trust-weighted score, a fair share per recommender per page.</summary>
    Trusted = 0,

    /// <summary>The same people's recommendations, newest first.</summary>
    Chronological = 1,
}

/// <summary>
/// Someone the viewer trusts who recommended an item: how much the viewer trusts them (<see cref="Level"/>, the named
/// step nearest to the engine's level, null when the engine has none), their recommendation, and the handle to ask
/// <c>/api/v1/trust/{handle}/why</c> for the paths.
/// </summary>
public sealed record TrustedRecommender(
    PersonSummary Person, double Trust, TrustLevel? Level, Guid RecommendationId, int? Rating, string Note, string NoteHtml, string? Topic, DateTimeOffset ChangedAt);

/// <summary>
/// One item in the feed: its score (Σ trust × rating weight over the recommenders shown and not shown), the first
/// <see cref="GetRecommendedFeed.RecommendersShown"/> recommenders by trust, and how many <see cref="Others"/> there are.
/// </summary>
public sealed record FeedEntry(ItemView Item, double Score, IReadOnlyList<TrustedRecommender> Recommenders, int Others);

/// <summary>A page of the feed: on <see cref="Topic"/> (null for every topic), in <see cref="Order"/>.</summary>
public sealed record RecommendedFeed(string? Topic, FeedOrder Order, IReadOnlyList<FeedEntry> Entries, int Offset, int Limit, bool HasMore);

/// <summary>
/// An item as the viewer sees it: the people they trust who recommended it (visible recommendations only, most trusted
/// first), their own recommendation, how many recommendations they may see in all, and a predicted rating with its
/// confidence (<see cref="TrustWeightedRating.Predict"/>; null without a trusted rating).
/// </summary>
public sealed record ItemDetails(
    ItemView Item, IReadOnlyList<TrustedRecommender> TrustedRecommenders, RecommendationView? Mine, int VisibleRecommendations, RatingPrediction? Prediction);
