using Rapport.Core.Communities;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>An item as anyone sees it; <see cref="DescriptionHtml"/> is the description rendered and sanitized.</summary>
public sealed record ItemView(
    Guid Id, ItemKind Kind, string Title, string Description, string DescriptionHtml, string? Url, IReadOnlyList<string> Topics, DateTimeOffset CreatedAt);

/// <summary>The answer to adding an item: the item, and whether it is new (false when its URL was already an item).</summary>
public sealed record AddedItem(ItemView Item, bool Created);

/// <summary>
/// A recommendation as the viewer may see it. <see cref="Rating"/> null is an endorsement. <see cref="CommunityLapsed"/>:
/// shared with a community its author has left, so it counts as private until they rejoin.
/// </summary>
public sealed record RecommendationView(
    Guid Id,
    PersonSummary Person,
    ItemView Item,
    int? Rating,
    string Note,
    string NoteHtml,
    string? Topic,
    TrustVisibility Visibility,
    TrustCommunity? Community,
    bool CommunityLapsed,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt,
    DateTimeOffset? RevokedAt,
    bool IsMine)
{
    public bool IsEndorsement => Rating is null;

    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>The answer to recommending: the recommendation, and whether it is new for that item.</summary>
public sealed record Recommended(RecommendationView Recommendation, bool Created);

/// <summary>One version of a recommendation's history (its author's eyes only).</summary>
public sealed record RecommendationVersionView(
    TrustStatementEvent Event, int? Rating, string Note, string? Topic, TrustVisibility Visibility, TrustCommunity? Community, DateTimeOffset At);

/// <summary>A recommendation with its whole history, oldest first.</summary>
public sealed record RecommendationHistory(RecommendationView Recommendation, IReadOnlyList<RecommendationVersionView> Versions);

/// <summary>A collection's place in a list: no entries, just how many.</summary>
public sealed record CollectionSummary(
    Guid Id,
    PersonSummary Owner,
    string Title,
    TrustVisibility Visibility,
    TrustCommunity? Community,
    int EntryCount,
    int FollowerCount,
    DateTimeOffset ChangedAt,
    bool IsMine);

/// <summary>One entry of a collection: the item, its position (0-based) and the owner's note about it.</summary>
public sealed record CollectionEntryView(Guid Id, int Position, ItemView Item, string Note, string NoteHtml, DateTimeOffset AddedAt);

/// <summary>
/// A collection as the viewer may see it, entries in order. <see cref="ForkedFrom"/> names the origin when the viewer
/// may see it (null when it is gone or hidden from them); <see cref="IsForked"/> says it is a fork either way.
/// </summary>
public sealed record CollectionView(
    Guid Id,
    PersonSummary Owner,
    string Title,
    string Description,
    string DescriptionHtml,
    TrustVisibility Visibility,
    TrustCommunity? Community,
    bool IsForked,
    CollectionSummary? ForkedFrom,
    IReadOnlyList<CollectionEntryView> Entries,
    int FollowerCount,
    bool FollowedByMe,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt,
    bool IsMine);
