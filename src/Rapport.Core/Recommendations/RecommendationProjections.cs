using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>Read helpers, so every answer shows items, recommendations and collections the same way.</summary>
internal static class RecommendationProjections
{
    public static string? TopicOrNull(string topic) => topic.Length == 0 ? null : topic;

    /// <summary>Views of the items with <paramref name="ids"/>, by id.</summary>
    public static async Task<Dictionary<Guid, ItemView>> LoadItemsAsync(
        this RapportDbContext db, MarkdownRenderer markdown, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var items = await db.Items.AsNoTracking().Include(i => i.Topics).Where(i => wanted.Contains(i.Id)).ToListAsync(cancellationToken);
        return items.ToDictionary(i => i.Id, i => ToView(i, markdown));
    }

    public static ItemView ToView(Item item, MarkdownRenderer markdown) => new(
        item.Id, item.Kind, item.Title, item.Description, markdown.ToSafeHtml(item.Description), item.Url,
        item.Topics.Select(t => t.Topic).Order(StringComparer.Ordinal).ToList(), item.CreatedAt);

    /// <summary>Views of <paramref name="recommendations"/> for <paramref name="viewerId"/>, in the order given.</summary>
    public static async Task<List<RecommendationView>> ToViewsAsync(
        this RapportDbContext db, MarkdownRenderer markdown, IReadOnlyList<Recommendation> recommendations, Guid viewerId, CancellationToken cancellationToken)
    {
        if (recommendations.Count == 0)
        {
            return [];
        }

        var people = await db.LoadPeopleAsync(recommendations.Select(r => r.PersonId).Distinct().ToList(), cancellationToken);
        var items = await db.LoadItemsAsync(markdown, recommendations.Select(r => r.ItemId), cancellationToken);
        var communities = await db.LoadCommunitiesAsync(recommendations.Select(r => r.CommunityId), cancellationToken);
        var lapsed = await db.LapsedAsync(recommendations.Where(r => r.Visibility == TrustVisibility.Community).Select(r => (r.PersonId, r.CommunityId!.Value)), cancellationToken);
        return recommendations.Select(r => new RecommendationView(
            r.Id,
            people[r.PersonId],
            items[r.ItemId],
            r.Rating,
            r.Note,
            markdown.ToSafeHtml(r.Note),
            TopicOrNull(r.Topic),
            r.Visibility,
            r.CommunityId is { } c ? communities[c] : null,
            r.Visibility == TrustVisibility.Community && lapsed.Contains((r.PersonId, r.CommunityId!.Value)),
            r.CreatedAt,
            r.ChangedAt,
            r.RevokedAt,
            r.PersonId == viewerId)).ToList();
    }

    /// <summary>Which (author, community) pairs are no longer memberships: their community shares count as private.</summary>
    public static async Task<HashSet<(Guid Person, Guid Community)>> LapsedAsync(
        this RapportDbContext db, IEnumerable<(Guid Person, Guid Community)> shares, CancellationToken cancellationToken)
    {
        var pairs = shares.Distinct().ToList();
        if (pairs.Count == 0)
        {
            return [];
        }

        var people = pairs.Select(p => p.Person).Distinct().ToList();
        var communities = pairs.Select(p => p.Community).Distinct().ToList();
        var members = (await db.Memberships.AsNoTracking()
                .Where(m => people.Contains(m.PersonId) && communities.Contains(m.CommunityId))
                .Select(m => new { m.PersonId, m.CommunityId })
                .ToListAsync(cancellationToken))
            .Select(m => (m.PersonId, m.CommunityId)).ToHashSet();
        return pairs.Where(p => !members.Contains(p)).ToHashSet();
    }

    /// <summary>The id of the community <paramref name="slug"/> when <paramref name="personId"/> belongs to it, else null.</summary>
    public static Task<Guid?> MemberCommunityAsync(this RapportDbContext db, Guid personId, string slug, CancellationToken cancellationToken) =>
        db.Communities.Where(c => c.Slug == slug && c.Memberships.Any(m => m.PersonId == personId))
            .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Summaries of <paramref name="collections"/> for <paramref name="viewerId"/>, in the order given.</summary>
    public static async Task<List<CollectionSummary>> ToSummariesAsync(
        this RapportDbContext db, IReadOnlyList<Collection> collections, Guid viewerId, CancellationToken cancellationToken)
    {
        if (collections.Count == 0)
        {
            return [];
        }

        var ids = collections.Select(c => c.Id).ToList();
        var counts = await db.Collections.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Entries = c.Entries.Count, Followers = c.Follows.Count })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var people = await db.LoadPeopleAsync(collections.Select(c => c.OwnerId).Distinct().ToList(), cancellationToken);
        var communities = await db.LoadCommunitiesAsync(collections.Select(c => c.CommunityId), cancellationToken);
        return collections.Select(c => new CollectionSummary(
            c.Id, people[c.OwnerId], c.Title, c.Visibility, c.CommunityId is { } community ? communities[community] : null,
            counts[c.Id].Entries, counts[c.Id].Followers, c.ChangedAt, c.OwnerId == viewerId)).ToList();
    }

    /// <summary>The whole view of <paramref name="collection"/> (entries loaded or not) for <paramref name="viewerId"/>.</summary>
    public static async Task<CollectionView> ToViewAsync(
        this RapportDbContext db, MarkdownRenderer markdown, Collection collection, Guid viewerId, CancellationToken cancellationToken)
    {
        var entries = await db.CollectionEntries.AsNoTracking().Where(e => e.CollectionId == collection.Id)
            .OrderBy(e => e.Position).ToListAsync(cancellationToken);
        var items = await db.LoadItemsAsync(markdown, entries.Select(e => e.ItemId), cancellationToken);
        var owner = (await db.LoadPeopleAsync([collection.OwnerId], cancellationToken))[collection.OwnerId];
        var communities = await db.LoadCommunitiesAsync([collection.CommunityId], cancellationToken);
        CollectionSummary? origin = null;
        if (collection.ForkedFromId is { } originId)
        {
            var visible = await db.Collections.AsNoTracking().Where(c => c.Id == originId).Where(CollectionAccess.CanSee(viewerId))
                .ToListAsync(cancellationToken);
            origin = (await db.ToSummariesAsync(visible, viewerId, cancellationToken)).SingleOrDefault();
        }

        var followers = await db.CollectionFollows.CountAsync(f => f.CollectionId == collection.Id, cancellationToken);
        var followed = await db.CollectionFollows.AnyAsync(f => f.CollectionId == collection.Id && f.PersonId == viewerId, cancellationToken);
        return new CollectionView(
            collection.Id, owner, collection.Title, collection.Description, markdown.ToSafeHtml(collection.Description),
            collection.Visibility, collection.CommunityId is { } c ? communities[c] : null,
            collection.ForkedFromId is not null, origin,
            entries.Select(e => new CollectionEntryView(e.Id, e.Position, items[e.ItemId], e.Note, markdown.ToSafeHtml(e.Note), e.AddedAt)).ToList(),
            followers, followed, collection.CreatedAt, collection.ChangedAt, collection.OwnerId == viewerId);
    }
}
