using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Invitations;

/// <summary>The invitee accepts: they will help. Answered once (<see cref="InvitationResponses"/>).</summary>
public sealed class AcceptInvitation(RapportDbContext db, Notices notices, TimeProvider clock)
{
    public async Task<Outcome<InvitationView>> ExecuteAsync(Guid inviteeId, Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await InvitationResponses.FindAsync(db, inviteeId, invitationId, cancellationToken);
        if (invitation is null)
        {
            return Outcome<InvitationView>.NotFound();
        }

        if (InvitationResponses.Refusal(invitation) is { } refusal)
        {
            return Outcome<InvitationView>.Conflict(refusal);
        }

        await InvitationResponses.AnswerAsync(notices, invitation, InvitationStatus.Accepted, "", clock.GetUtcNow(), "accepted", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await db.Invitations.Where(i => i.Id == invitationId).ToViewsAsync(db, cancellationToken))[0];
    }
}
