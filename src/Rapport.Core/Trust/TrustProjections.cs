using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>Read helpers, so every answer shows statements, people and communities the same way.</summary>
internal static class TrustProjections
{
    /// <summary>The text a view shows for a stored topic: null for general trust.</summary>
    public static string? TopicOrNull(string topic) => topic.Length == 0 ? null : topic;

    /// <summary>Views of <paramref name="statements"/> for <paramref name="viewerId"/>, in the order given.</summary>
    public static async Task<List<TrustStatementView>> ToViewsAsync(
        this RapportDbContext db, MarkdownRenderer markdown, IReadOnlyList<TrustStatement> statements, Guid viewerId, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return [];
        }

        var people = await db.LoadPeopleAsync(statements.SelectMany(s => new[] { s.FromId, s.ToId }).Distinct().ToList(), cancellationToken);
        var communities = await db.LoadCommunitiesAsync(statements.Select(s => s.CommunityId), cancellationToken);
        var shared = statements.Where(s => s.Visibility == TrustVisibility.Community).ToList();
        var authors = shared.Select(s => s.FromId).Distinct().ToList();
        var sharedCommunities = shared.Select(s => s.CommunityId).Distinct().ToList();
        var memberships = shared.Count == 0
            ? []
            : (await db.Memberships.AsNoTracking()
                .Where(m => authors.Contains(m.PersonId) && sharedCommunities.Contains(m.CommunityId))
                .Select(m => new { m.PersonId, m.CommunityId })
                .ToListAsync(cancellationToken))
            .Select(m => (m.PersonId, m.CommunityId)).ToHashSet();

        return statements.Select(s => new TrustStatementView(
            s.Id,
            people[s.FromId],
            people[s.ToId],
            s.Value,
            TopicOrNull(s.Topic),
            s.Visibility,
            s.CommunityId is { } c ? communities[c] : null,
            s.Visibility == TrustVisibility.Community && !memberships.Contains((s.FromId, s.CommunityId!.Value)),
            s.Note,
            markdown.ToSafeHtml(s.Note),
            s.CreatedAt,
            s.ChangedAt,
            s.RevokedAt,
            s.FromId == viewerId)).ToList();
    }

    public static async Task<Dictionary<Guid, TrustCommunity>> LoadCommunitiesAsync(
        this RapportDbContext db, IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        return await db.Communities.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new TrustCommunity(c.Slug, c.Name), cancellationToken);
    }
}
