using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.People;

/// <summary>
/// A profile by handle, or the viewer's own. Every signed-in person may see every profile, including
/// the communities its person belongs to (memberships are not private).
/// </summary>
public sealed class GetProfile(RapportDbContext db, MarkdownRenderer markdown)
{
    /// <summary>
    /// The profile of the person with <paramref name="handle"/> (with or without @, any case), or the
    /// viewer's own when it is null, as the signed-in <paramref name="viewerAccountId"/> sees it.
    /// </summary>
    public async Task<Outcome<ProfileView>> ExecuteAsync(string? handle, string viewerAccountId, CancellationToken cancellationToken = default)
    {
        var normalized = Handle.Normalize(handle);
        if (handle is not null && normalized is null)
        {
            return Outcome<ProfileView>.NotFound();
        }

        var people = handle is null ? db.People.Where(p => p.AccountId == viewerAccountId) : db.People.Where(p => p.Handle == normalized);
        var person = await people.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Outcome<ProfileView>.NotFound();
        }

        var competences = await db.Competences.AsNoTracking()
            .Where(c => c.PersonId == person.Id)
            .Select(c => new CompetenceView(c.Id, c.Topic, c.Context))
            .ToListAsync(cancellationToken);
        var communities = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == person.Id)
            .OrderBy(m => m.Community!.Name).ThenBy(m => m.Community!.Slug)
            .Select(m => new CommunityMembershipView(m.Community!.Name, m.Community.Slug, m.Role))
            .ToListAsync(cancellationToken);

        return new ProfileView(person.Handle, person.DisplayName, person.Bio, markdown.ToSafeHtml(person.Bio), person.Availability,
            person.AttentionBudget, person.JoinedAt, CompetenceView.Ordered(competences), communities, person.AccountId == viewerAccountId);
    }
}
