using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Problems;

/// <summary>Reads problems into their views; callers filter by <see cref="ProblemAccess"/> first.</summary>
internal static class ProblemProjections
{
    /// <summary>Summaries of the problems <paramref name="query"/> selects (already limited to visible ones), in its order.</summary>
    public static async Task<List<ProblemSummary>> ToSummariesAsync(
        this RapportDbContext db, IQueryable<Problem> query, Guid viewerId, CancellationToken cancellationToken)
    {
        var rows = await query.Select(p => new
            {
                p.Id, p.Kind, p.Title, p.Status, p.Visibility, p.Place, p.CreatedAt, p.AuthorId,
                AuthorHandle = p.Author!.Handle, AuthorName = p.Author.DisplayName,
                CommunitySlug = p.Community == null ? null : p.Community.Slug,
                CommunityName = p.Community == null ? null : p.Community.Name,
                Topics = p.Topics.OrderBy(t => t.Topic).Select(t => t.Topic).ToList(),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Contributions.Where(c => ids.Contains(c.ProblemId))
            .GroupBy(c => c.ProblemId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        return rows.Select(r => new ProblemSummary(
                r.Id, r.Kind, r.Title, r.Status, r.Visibility, new Participant(r.AuthorHandle, r.AuthorName),
                r.CommunitySlug is null ? null : new TrustCommunity(r.CommunitySlug, r.CommunityName!),
                r.Topics, r.Place, counts.GetValueOrDefault(r.Id), r.CreatedAt, r.AuthorId == viewerId))
            .ToList();
    }
}
