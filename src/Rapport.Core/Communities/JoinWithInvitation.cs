using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// Joins the community an invitation link belongs to, whatever its membership mode. The link must be
/// unrevoked, unexpired and under its use limit; its use count rises atomically with the membership, so
/// concurrent joiners can never exceed the limit. A member following the link again is Ok and uses nothing.
/// </summary>
public sealed class JoinWithInvitation(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<CommunitySummary>> ExecuteAsync(Guid personId, string? secret, CancellationToken cancellationToken)
    {
        if (await InvitationLookup.FindAsync(db, secret, cancellationToken) is not (InvitationLink link, Community community))
        {
            return Outcome<CommunitySummary>.NotFound();
        }

        if (await db.Memberships.AnyAsync(m => m.CommunityId == community.Id && m.PersonId == personId, cancellationToken))
        {
            return await SummaryAsync(community, cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (InvitationLookup.Problem(link, now) is { } problem)
        {
            return Outcome<CommunitySummary>.Conflict(problem);
        }

        ExceptionDispatchInfo? failure = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The database checks the limit and counts the use in one statement: no two joiners can take the last use.
            var counted = await db.InvitationLinks
                .Where(l => l.Id == link.Id && l.RevokedAt == null && l.ExpiresAt > now && (l.MaxUses == null || l.Uses < l.MaxUses))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Uses, l => l.Uses + 1), cancellationToken);
            if (counted == 0)
            {
                return Outcome<CommunitySummary>.Conflict(
                    "This invitation link has just been used as many times as it allows, or has ended. Ask a host for a new one.");
            }

            if (!await Admission.StageAsync(db, community.Id, personId, now, cancellationToken))
            {
                return await SummaryAsync(community, cancellationToken); // joined meanwhile; the rollback returns the use
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }

        // The same person joining twice at once: one insert wins; the other rolled back (its use too).
        if (failure is not null && !await Admission.AlreadyAdmittedAsync(db, community.Id, personId, cancellationToken))
        {
            failure.Throw();
        }

        return await SummaryAsync(community, cancellationToken);
    }

    private async Task<Outcome<CommunitySummary>> SummaryAsync(Community community, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.CountAsync(m => m.CommunityId == community.Id, cancellationToken);
        return new CommunitySummary(community.Slug, community.Name, community.MembershipMode, members, community.CreatedAt);
    }
}
