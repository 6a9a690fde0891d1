using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>A community's applications for its hosts: pending first, then decided ones, each newest first. Withdrawn ones are left out.</summary>
public sealed class ListApplications(RapportDbContext db, CommunityAccess access)
{
    public async Task<Outcome<Page<ApplicationView>>> ExecuteAsync(Guid personId, string? slug, PageRequest page, CancellationToken cancellationToken)
    {
        var community = await access.FindForAsync(slug, personId, CommunityOperation.ReviewApplications, cancellationToken);
        if (community is null)
        {
            return Outcome<Page<ApplicationView>>.NotFound();
        }

        var errors = page.Validate(new FieldErrors());
        if (!errors.IsEmpty)
        {
            return Outcome<Page<ApplicationView>>.Invalid(errors);
        }

        // The hosts' check above already passed; the shared visibility rule still filters, so a list can never show more than a single read.
        var query = db.MembershipApplications.AsNoTracking()
            .Where(a => a.CommunityId == community.Id && a.Status != ApplicationStatus.Withdrawn)
            .Where(CommunityAccess.CanSeeApplication(personId));
        var total = await query.CountAsync(cancellationToken);
        var applications = await query
            .OrderBy(a => a.Status == ApplicationStatus.Pending ? 0 : 1)
            .ThenByDescending(a => a.SubmittedAt)
            .ThenBy(a => a.Id)
            .Skip(page.Skip).Take(page.Take)
            .Include(a => a.Answers)
            .ToListAsync(cancellationToken);
        var views = await db.ToViewsAsync(applications, community, cancellationToken);
        return new Page<ApplicationView>(views, total, page.Skip, page.Take);
    }
}
