using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;

namespace Rapport.Core.Home;

/// <summary>What a signed-in person sees first: who they are here, their communities, and what waits for them.</summary>
public sealed record HomeSummary(
    string Handle,
    string DisplayName,
    int CompetenceCount,
    IReadOnlyList<HomeCommunity> Communities,
    int PeopleCount);

public sealed record HomeCommunity(string Slug, string Name, CommunityRole Role, int PendingApplications);

/// <summary>Builds the <see cref="HomeSummary"/> for one account.</summary>
public sealed class GetHomeSummary(RapportDbContext db)
{
    public async Task<HomeSummary?> ExecuteAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var person = await db.People.AsNoTracking()
            .Where(p => p.AccountId == accountId)
            .Select(p => new { p.Id, p.Handle, p.DisplayName, Competences = p.Competences.Count })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var communities = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == person.Id)
            .OrderBy(m => m.Community!.Name)
            .Select(m => new HomeCommunity(
                m.Community!.Slug,
                m.Community.Name,
                m.Role,
                m.Role == CommunityRole.Host
                    ? db.MembershipApplications.Count(a => a.CommunityId == m.CommunityId && a.Status == ApplicationStatus.Pending)
                    : 0))
            .ToListAsync(cancellationToken);

        var people = await db.People.CountAsync(cancellationToken);
        return new HomeSummary(person.Handle, person.DisplayName, person.Competences, communities, people);
    }
}
