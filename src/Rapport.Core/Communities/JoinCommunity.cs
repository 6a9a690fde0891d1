using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// Joins an open community. Joining twice is not an error: it answers Ok with the membership the
/// person already has (idempotent, so a retried request or a double click does no harm).
/// </summary>
public sealed class JoinCommunity(RapportDbContext db, CommunityAccess access, TimeProvider clock)
{
    public async Task<Outcome<CommunityRole>> ExecuteAsync(Guid personId, string? slug, CancellationToken cancellationToken)
    {
        var viewer = await access.FindAsync(slug, personId, cancellationToken);
        if (viewer is null)
        {
            return Outcome<CommunityRole>.NotFound();
        }

        if (viewer.Role is { } role)
        {
            return role;
        }

        switch (viewer.Community.MembershipMode)
        {
            case MembershipMode.ByApplication:
                return Outcome<CommunityRole>.Conflict("This community admits members by application. Apply instead.");
            case MembershipMode.ByInvitation:
                return Outcome<CommunityRole>.Conflict("This community admits members by invitation only. Ask a host for an invitation link.");
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await Admission.StageAsync(db, viewer.Community.Id, personId, clock.GetUtcNow(), cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // A concurrent request may have joined first; the person is a member either way.
            if (!await Admission.AlreadyAdmittedAsync(db, viewer.Community.Id, personId, cancellationToken))
            {
                throw;
            }
        }

        return CommunityRole.Member;
    }
}
