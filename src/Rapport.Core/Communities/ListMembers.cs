using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>A community's members, hosts first, then by when they joined, with their competences.</summary>
public sealed class ListMembers(RapportDbContext db)
{
    public async Task<Outcome<Page<MemberSummary>>> ExecuteAsync(string? slug, PageRequest page, CancellationToken cancellationToken)
    {
        var normalized = CommunitySlug.Normalize(slug);
        var communityId = await db.Communities.Where(c => c.Slug == normalized).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (communityId is null)
        {
            return Outcome<Page<MemberSummary>>.NotFound();
        }

        var errors = page.Validate(new FieldErrors());
        if (!errors.IsEmpty)
        {
            return Outcome<Page<MemberSummary>>.Invalid(errors);
        }

        var total = await db.Memberships.CountAsync(m => m.CommunityId == communityId, cancellationToken);
        var members = await LoadAsync(db, communityId.Value, page.Skip, page.Take, cancellationToken);
        return new Page<MemberSummary>(members, total, page.Skip, page.Take);
    }

    internal static async Task<List<MemberSummary>> LoadAsync(RapportDbContext db, Guid communityId, int skip, int take, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId)
            .OrderByDescending(m => m.Role).ThenBy(m => m.JoinedAt).ThenBy(m => m.PersonId)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync(memberships.Select(m => m.PersonId).ToList(), cancellationToken);
        return memberships.Select(m => new MemberSummary(people[m.PersonId], m.Role, m.JoinedAt)).ToList();
    }
}
