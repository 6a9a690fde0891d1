using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Invitations;

/// <summary>
/// The asker takes an invitation back while it is pending or accepted: the invitee no longer sees an invited-only problem
/// (<see cref="Problems.ProblemAccess"/>) nor its notices. Only the asker may (anyone else: NotFound); anything else is a conflict.
/// </summary>
public sealed class WithdrawInvitation(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<InvitationView>> ExecuteAsync(Guid askerId, Guid problemId, Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.ProblemId == problemId && i.Problem!.AuthorId == askerId, cancellationToken);
        if (invitation is null)
        {
            return Outcome<InvitationView>.NotFound();
        }

        if (invitation.Status is not (InvitationStatus.Pending or InvitationStatus.Accepted))
        {
            return Outcome<InvitationView>.Conflict(invitation.Status == InvitationStatus.Withdrawn
                ? "This invitation was already withdrawn."
                : "Only a pending or accepted invitation can be withdrawn.");
        }

        invitation.Status = InvitationStatus.Withdrawn;
        invitation.RespondedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return (await db.Invitations.Where(i => i.Id == invitationId).ToViewsAsync(db, cancellationToken))[0];
    }
}
