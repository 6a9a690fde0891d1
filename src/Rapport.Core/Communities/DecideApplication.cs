using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// A host approves (the applicant becomes a member) or declines a pending application, optionally with
/// a message the applicant sees. Non-hosts get NotFound; an application already decided or withdrawn is a Conflict.
/// </summary>
public sealed class DecideApplication(RapportDbContext db, CommunityAccess access, TimeProvider clock)
{
    public async Task<Outcome<ApplicationView>> ExecuteAsync(
        Guid personId, string? slug, Guid applicationId, ApplicationDecision decision, string? message, CancellationToken cancellationToken)
    {
        var community = await access.FindForAsync(slug, personId, CommunityOperation.ReviewApplications, cancellationToken);
        var application = community is null
            ? null
            : await db.MembershipApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.CommunityId == community.Id, cancellationToken);
        if (community is null || application is null)
        {
            return Outcome<ApplicationView>.NotFound();
        }

        message = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        var errors = new FieldErrors().MaxLength("message", message, MembershipApplication.DecisionMessageMaxLength, "Message");
        if (!errors.IsEmpty)
        {
            return Outcome<ApplicationView>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var status = decision == ApplicationDecision.Approve ? ApplicationStatus.Approved : ApplicationStatus.Declined;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Only one decision (or the applicant's withdrawal) can move an application out of Pending.
            var changed = await db.MembershipApplications
                .Where(a => a.Id == application.Id && a.Status == ApplicationStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Status, status)
                    .SetProperty(a => a.DecidedAt, now)
                    .SetProperty(a => a.DecidedById, personId)
                    .SetProperty(a => a.DecisionMessage, message), cancellationToken);
            if (changed == 0)
            {
                return Outcome<ApplicationView>.Conflict("This application has already been decided or withdrawn.");
            }

            if (status == ApplicationStatus.Approved && await Admission.StageAsync(db, community.Id, application.ApplicantId, now, cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var decided = await db.MembershipApplications.AsNoTracking().Include(a => a.Answers).SingleAsync(a => a.Id == application.Id, cancellationToken);
        return (await db.ToViewsAsync([decided], community, cancellationToken))[0];
    }
}
