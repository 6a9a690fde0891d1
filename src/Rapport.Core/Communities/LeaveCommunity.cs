using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Communities;

/// <summary>
/// A member leaves. The last host cannot leave while others remain (Conflict: hand over first). A host
/// who is the only member may leave: the community then stays, empty and without hosts, with its texts
/// and history kept; it is never deleted by leaving (an instance administrator can restore a host).
/// Not being a member is NotFound.
/// </summary>
public sealed class LeaveCommunity(RapportDbContext db, CommunityAccess access, TimeProvider clock, TrustGraphStore trustGraph)
{
    public async Task<Outcome<bool>> ExecuteAsync(Guid personId, string? slug, CancellationToken cancellationToken)
    {
        var viewer = await access.FindAsync(slug, personId, cancellationToken);
        if (viewer is not { IsMember: true })
        {
            return Outcome<bool>.NotFound();
        }

        var communityId = viewer.Community.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CommunityLock.AcquireAsync(db, communityId, cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.CommunityId == communityId && m.PersonId == personId, cancellationToken);
        if (membership is null)
        {
            return Outcome<bool>.NotFound();
        }

        if (membership.Role == CommunityRole.Host
            && await CommunityLock.CountHostsAsync(db, communityId, cancellationToken) == 1
            && await db.Memberships.AnyAsync(m => m.CommunityId == communityId && m.PersonId != personId, cancellationToken))
        {
            return Outcome<bool>.Conflict("You are the last host. Make another member a host before you leave.");
        }

        db.Memberships.Remove(membership);
        // The trust graph must stop sharing this member's community statements with the community.
        var logged = await TrustChangeLog.MembershipChangedAsync(db, communityId, personId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await trustGraph.CatchUpAsync(logged, cancellationToken); // here at once; other nodes within their refresh interval
        return true;
    }
}
