using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>An applicant takes back their own pending application. Other people's applications are NotFound.</summary>
public sealed class WithdrawApplication(RapportDbContext db)
{
    public async Task<Outcome<ApplicationStatus>> ExecuteAsync(Guid personId, string? slug, Guid applicationId, CancellationToken cancellationToken)
    {
        var normalized = CommunitySlug.Normalize(slug);
        var application = await db.MembershipApplications
            .Where(a => a.Id == applicationId && a.Community!.Slug == normalized && a.ApplicantId == personId)
            .SingleOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return Outcome<ApplicationStatus>.NotFound();
        }

        // Conditional update: a host's concurrent decision and this withdrawal cannot both win.
        var changed = await db.MembershipApplications
            .Where(a => a.Id == application.Id && a.Status == ApplicationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Withdrawn), cancellationToken);
        return changed == 1
            ? ApplicationStatus.Withdrawn
            : Outcome<ApplicationStatus>.Conflict("This application has already been decided or withdrawn.");
    }
}
