using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>One application, for its applicant or the community's hosts; anyone else gets NotFound, as for a missing one.</summary>
public sealed class GetApplication(RapportDbContext db)
{
    public async Task<Outcome<ApplicationView>> ExecuteAsync(Guid personId, string? slug, Guid applicationId, CancellationToken cancellationToken)
    {
        var normalized = CommunitySlug.Normalize(slug);
        var application = await db.MembershipApplications.AsNoTracking()
            .Where(a => a.Id == applicationId && a.Community!.Slug == normalized)
            .Where(CommunityAccess.CanSeeApplication(personId))
            .Include(a => a.Answers)
            .Include(a => a.Community)
            .SingleOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return Outcome<ApplicationView>.NotFound();
        }

        return (await db.ToViewsAsync([application], application.Community!, cancellationToken))[0];
    }
}
