using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Communities;

/// <summary>Making someone a member, whichever way they came in (joining, approval, invitation link).</summary>
internal static class Admission
{
    /// <summary>
    /// Stages a membership for <paramref name="personId"/> unless they already have one, and closes any
    /// application of theirs still pending (they are in now, so hosts need not decide it). Logs the change for the trust
    /// graph (a rejoining member's community statements count again), so it runs in the caller's transaction; saving
    /// and committing are the caller's.
    /// </summary>
    /// <returns>False when they were already a member.</returns>
    public static async Task<bool> StageAsync(RapportDbContext db, Guid communityId, Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Memberships.AnyAsync(m => m.CommunityId == communityId && m.PersonId == personId, cancellationToken))
        {
            return false;
        }

        db.Memberships.Add(new Membership { CommunityId = communityId, PersonId = personId, Role = CommunityRole.Member, JoinedAt = now });
        await TrustChangeLog.MembershipChangedAsync(db, communityId, personId, now, cancellationToken);
        var pending = await db.MembershipApplications
            .Where(a => a.CommunityId == communityId && a.ApplicantId == personId && a.Status == ApplicationStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var application in pending)
        {
            application.Status = ApplicationStatus.Approved;
            application.DecidedAt = now;
        }

        return true;
    }

    /// <summary>True when a failed save was a second, concurrent admission of the same person (the key already exists).</summary>
    public static Task<bool> AlreadyAdmittedAsync(RapportDbContext db, Guid communityId, Guid personId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.Memberships.AnyAsync(m => m.CommunityId == communityId && m.PersonId == personId, cancellationToken);
    }
}
