using System.ComponentModel.DataAnnotations;
using Rapport.Core.Communities;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Trust.Recommendation;
using Rapport.Web.Trust;

namespace Rapport.Web.Recommendations;

/// <summary>
/// An item: <c>kind</c> (link, book, video, product, service, place, person, thought), <c>title</c>, optional
/// <c>description</c> (Markdown), optional <c>url</c> (http or https; the same canonical URL is one item) and <c>topics</c>.
/// </summary>
public sealed record AddItemRequest(
    ItemKind? Kind,
    [property: MaxLength(Item.TitleMaxLength)] string? Title,
    [property: MaxLength(Item.DescriptionMaxLength)] string? Description,
    [property: MaxLength(CanonicalUrl.MaxLength)] string? Url,
    [property: MaxLength(Item.MaxTopics)] IReadOnlyList<string>? Topics)
{
    public ItemInput ToInput() => new(Kind, Title, Description, Url, Topics);
}

/// <summary>
/// A recommendation of <c>itemId</c>: <c>rating</c> 1–5, or leave it out to endorse; <c>note</c> ("I recommend it
/// because…", Markdown); optional <c>topic</c>; <c>visibility</c> public, community (with <c>community</c>, the slug of
/// one you belong to) or private. The author is always the caller.
/// </summary>
public sealed record RecommendRequest(
    Guid? ItemId,
    [property: Range(Recommendation.MinRating, Recommendation.MaxRating)] int? Rating,
    [property: MaxLength(Recommendation.NoteMaxLength)] string? Note,
    [property: MaxLength(Rapport.Trust.Topics.Topic.MaxLength)] string? Topic,
    TrustVisibility? Visibility,
    [property: MaxLength(Community.SlugMaxLength)] string? Community)
{
    public RecommendationInput ToInput() => new(Rating, Note, Topic, Visibility, Community);
}

/// <summary>A recommendation's new rating (null to endorse), note, topic and audience; the item stays.</summary>
public sealed record ChangeRecommendationRequest(
    [property: Range(Recommendation.MinRating, Recommendation.MaxRating)] int? Rating,
    [property: MaxLength(Recommendation.NoteMaxLength)] string? Note,
    [property: MaxLength(Rapport.Trust.Topics.Topic.MaxLength)] string? Topic,
    TrustVisibility? Visibility,
    [property: MaxLength(Community.SlugMaxLength)] string? Community)
{
    public RecommendationInput ToInput() => new(Rating, Note, Topic, Visibility, Community);
}

/// <summary>A collection's <c>title</c>, <c>description</c> (Markdown) and <c>visibility</c>: public, or community with its slug.</summary>
public sealed record CollectionRequest(
    [property: MaxLength(Collection.TitleMaxLength)] string? Title,
    [property: MaxLength(Collection.DescriptionMaxLength)] string? Description,
    TrustVisibility? Visibility,
    [property: MaxLength(Community.SlugMaxLength)] string? Community)
{
    public CollectionInput ToInput() => new(Title, Description, Visibility, Community);
}

/// <summary>An item to add to a collection, with a note, at <c>position</c> (0-based; the end when left out).</summary>
public sealed record AddEntryRequest(
    Guid? ItemId, [property: MaxLength(CollectionEntry.NoteMaxLength)] string? Note, [property: Range(0, Collection.MaxEntries)] int? Position);

/// <summary>An entry's new <c>position</c> (0-based) and, when given, its new <c>note</c>.</summary>
public sealed record ChangeEntryRequest([property: Range(0, Collection.MaxEntries)] int? Position, [property: MaxLength(CollectionEntry.NoteMaxLength)] string? Note);

/// <summary>Fork into a community you belong to (its slug), or leave it out for a public fork.</summary>
public sealed record ForkRequest([property: MaxLength(Community.SlugMaxLength)] string? Community);

public sealed record ItemResponse(
    Guid Id, ItemKind Kind, string Title, string Description, string DescriptionHtml, string? Url, IReadOnlyList<string> Topics, DateTimeOffset CreatedAt)
{
    public static ItemResponse From(ItemView i) => new(i.Id, i.Kind, i.Title, i.Description, i.DescriptionHtml, i.Url, i.Topics, i.CreatedAt);
}

public sealed record ItemPageResponse(IReadOnlyList<ItemResponse> Items, int Total, int Offset, int Limit)
{
    public static ItemPageResponse From(Page<ItemView> page) => new(page.Items.Select(ItemResponse.From).ToList(), page.Total, page.Offset, page.Limit);
}

/// <summary>
/// A recommendation as you may see it. <c>rating</c> null is an endorsement. <c>communityLapsed</c>: shared with a
/// community its author has left, so it counts as private until they rejoin. <c>noteHtml</c> is rendered and sanitized.
/// </summary>
public sealed record RecommendationResponse(
    Guid Id,
    TrustPersonResponse Person,
    ItemResponse Item,
    int? Rating,
    string Note,
    string NoteHtml,
    string? Topic,
    TrustVisibility Visibility,
    TrustCommunityResponse? Community,
    bool CommunityLapsed,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt,
    DateTimeOffset? RevokedAt)
{
    public static RecommendationResponse From(RecommendationView r) => new(
        r.Id, TrustPersonResponse.From(r.Person), ItemResponse.From(r.Item), r.Rating, r.Note, r.NoteHtml, r.Topic, r.Visibility,
        TrustCommunityResponse.From(r.Community), r.CommunityLapsed, r.CreatedAt, r.ChangedAt, r.RevokedAt);
}

public sealed record RecommendationPageResponse(IReadOnlyList<RecommendationResponse> Items, int Total, int Offset, int Limit)
{
    public static RecommendationPageResponse From(Page<RecommendationView> page) =>
        new(page.Items.Select(RecommendationResponse.From).ToList(), page.Total, page.Offset, page.Limit);
}

public sealed record RecommendationVersionResponse(
    TrustStatementEvent Event, int? Rating, string Note, string? Topic, TrustVisibility Visibility, TrustCommunityResponse? Community, DateTimeOffset At);

/// <summary>Your recommendation with every version it went through, oldest first.</summary>
public sealed record RecommendationHistoryResponse(RecommendationResponse Recommendation, IReadOnlyList<RecommendationVersionResponse> Versions)
{
    public static RecommendationHistoryResponse From(RecommendationHistory h) => new(
        RecommendationResponse.From(h.Recommendation),
        h.Versions.Select(v => new RecommendationVersionResponse(v.Event, v.Rating, v.Note, v.Topic, v.Visibility, TrustCommunityResponse.From(v.Community), v.At)).ToList());
}

/// <summary>
/// Someone you trust who recommended an item: <c>level</c> names your trust in them (distrust, some, a lot,
/// completely; null when the engine has none), <c>why</c> is where the paths of that trust are.
/// </summary>
public sealed record TrustedRecommenderResponse(
    TrustPersonResponse Person, double Trust, string? Level, Guid RecommendationId, int? Rating, string Note, string NoteHtml, string? Topic,
    DateTimeOffset ChangedAt, string Why)
{
    public static TrustedRecommenderResponse From(TrustedRecommender r, string? topic) => new(
        TrustPersonResponse.From(r.Person), r.Trust, r.Level?.Name, r.RecommendationId, r.Rating, r.Note, r.NoteHtml, r.Topic, r.ChangedAt,
        $"/api/v1/trust/{Uri.EscapeDataString(r.Person.Handle)}/why" + (topic is null ? "" : $"?topic={Uri.EscapeDataString(topic)}"));
}

/// <summary>A predicted rating for you (1–5) and how sure it is (0–1), from the ratings of people you trust.</summary>
public sealed record PredictionResponse(double Rating, double Confidence, int Raters)
{
    public static PredictionResponse? From(RatingPrediction? p) => p is { } v ? new(v.Rating, v.Confidence, v.Raters) : null;
}

/// <summary>An item with the people you trust who recommended it (most trusted first), your own recommendation and a predicted rating.</summary>
public sealed record ItemDetailsResponse(
    ItemResponse Item, IReadOnlyList<TrustedRecommenderResponse> TrustedRecommenders, RecommendationResponse? Mine, int VisibleRecommendations,
    PredictionResponse? Prediction)
{
    public static ItemDetailsResponse From(ItemDetails d) => new(
        ItemResponse.From(d.Item), d.TrustedRecommenders.Select(r => TrustedRecommenderResponse.From(r, null)).ToList(),
        d.Mine is null ? null : RecommendationResponse.From(d.Mine), d.VisibleRecommendations, PredictionResponse.From(d.Prediction));
}

/// <summary>An item in your feed: its score, the recommenders you trust most and how many others recommended it too.</summary>
public sealed record FeedEntryResponse(ItemResponse Item, double Score, IReadOnlyList<TrustedRecommenderResponse> Recommenders, int Others);

public sealed record FeedResponse(string? Topic, FeedOrder View, IReadOnlyList<FeedEntryResponse> Entries, int Offset, int Limit, bool HasMore)
{
    public static FeedResponse From(RecommendedFeed f) => new(
        f.Topic, f.Order,
        f.Entries.Select(e => new FeedEntryResponse(ItemResponse.From(e.Item), e.Score, e.Recommenders.Select(r => TrustedRecommenderResponse.From(r, f.Topic)).ToList(), e.Others)).ToList(),
        f.Offset, f.Limit, f.HasMore);
}

public sealed record CollectionSummaryResponse(
    Guid Id, TrustPersonResponse Owner, string Title, TrustVisibility Visibility, TrustCommunityResponse? Community, int EntryCount, int FollowerCount,
    DateTimeOffset ChangedAt)
{
    public static CollectionSummaryResponse From(CollectionSummary c) => new(
        c.Id, TrustPersonResponse.From(c.Owner), c.Title, c.Visibility, TrustCommunityResponse.From(c.Community), c.EntryCount, c.FollowerCount, c.ChangedAt);
}

public sealed record CollectionPageResponse(IReadOnlyList<CollectionSummaryResponse> Items, int Total, int Offset, int Limit)
{
    public static CollectionPageResponse From(Page<CollectionSummary> page) =>
        new(page.Items.Select(CollectionSummaryResponse.From).ToList(), page.Total, page.Offset, page.Limit);
}

public sealed record CollectionEntryResponse(Guid Id, int Position, ItemResponse Item, string Note, string NoteHtml, DateTimeOffset AddedAt);

/// <summary>
/// A collection, entries in order. <c>forked</c>: it is a copy of another; <c>forkedFrom</c> names that one when you may
/// see it.
/// </summary>
public sealed record CollectionResponse(
    Guid Id, TrustPersonResponse Owner, string Title, string Description, string DescriptionHtml, TrustVisibility Visibility,
    TrustCommunityResponse? Community, bool Forked, CollectionSummaryResponse? ForkedFrom, IReadOnlyList<CollectionEntryResponse> Entries,
    int FollowerCount, bool FollowedByMe, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt)
{
    public static CollectionResponse From(CollectionView c) => new(
        c.Id, TrustPersonResponse.From(c.Owner), c.Title, c.Description, c.DescriptionHtml, c.Visibility, TrustCommunityResponse.From(c.Community),
        c.IsForked, c.ForkedFrom is null ? null : CollectionSummaryResponse.From(c.ForkedFrom),
        c.Entries.Select(e => new CollectionEntryResponse(e.Id, e.Position, ItemResponse.From(e.Item), e.Note, e.NoteHtml, e.AddedAt)).ToList(),
        c.FollowerCount, c.FollowedByMe, c.CreatedAt, c.ChangedAt);
}
