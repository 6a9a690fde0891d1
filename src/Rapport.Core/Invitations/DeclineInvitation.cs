using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Invitations;

/// <summary>The invitee declines, with an optional note for the asker. Answered once (<see cref="InvitationResponses"/>).</summary>
public sealed class DeclineInvitation(RapportDbContext db, Notices notices, TimeProvider clock)
{
    public async Task<Outcome<InvitationView>> ExecuteAsync(Guid inviteeId, Guid invitationId, string? note, CancellationToken cancellationToken)
    {
        var invitation = await InvitationResponses.FindAsync(db, inviteeId, invitationId, cancellationToken);
        if (invitation is null)
        {
            return Outcome<InvitationView>.NotFound();
        }

        var errors = new FieldErrors();
        var text = InvitationResponses.Note(note, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<InvitationView>.Invalid(errors);
        }

        if (InvitationResponses.Refusal(invitation) is { } refusal && invitation.Status != InvitationStatus.Pending)
        {
            return Outcome<InvitationView>.Conflict(refusal);
        }

        await InvitationResponses.AnswerAsync(notices, invitation, InvitationStatus.Declined, text!, clock.GetUtcNow(), "declined", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await db.Invitations.Where(i => i.Id == invitationId).ToViewsAsync(db, cancellationToken))[0];
    }
}
