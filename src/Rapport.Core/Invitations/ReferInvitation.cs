using Microsoft.EntityFrameworkCore;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Invitations;

/// <summary>
/// The invitee passes the problem to someone they trust (by handle, with an optional note): a new
/// <see cref="InvitationSource.Referral"/> invitation from them, naming theirs (<see cref="Invitation.ReferredFromId"/>,
/// so the chain is kept and can be credited), and theirs becomes <see cref="InvitationStatus.Referred"/>. The person
/// referred to must pass <see cref="AskRules"/> against both the asker and the referrer (a block either way with either,
/// a community problem they cannot see, away, over budget: invalid; already invited: conflict). Answered once.
/// </summary>
public sealed class ReferInvitation(RapportDbContext db, InvitationWriter writer, Notices notices, TimeProvider clock)
{
    public async Task<Outcome<InvitationView>> ExecuteAsync(Guid inviteeId, Guid invitationId, string? handle, string? note, CancellationToken cancellationToken)
    {
        var invitation = await InvitationResponses.FindAsync(db, inviteeId, invitationId, cancellationToken);
        if (invitation is null)
        {
            return Outcome<InvitationView>.NotFound();
        }

        var errors = new FieldErrors();
        var text = InvitationResponses.Note(note, errors);
        var normalized = Handle.Normalize(handle);
        var target = normalized is null ? null : await db.People.SingleOrDefaultAsync(p => p.Handle == normalized, cancellationToken);
        if (target is null)
        {
            errors.Add("handle", "There is nobody with this handle.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<InvitationView>.Invalid(errors);
        }

        if (InvitationResponses.Refusal(invitation) is { } refusal)
        {
            return Outcome<InvitationView>.Conflict(refusal);
        }

        var now = clock.GetUtcNow();
        switch (await AskRules.RefusalAsync(db, invitation.Problem!, inviteeId, target!, now, cancellationToken))
        {
            case AskRefusal.AlreadyInvited:
                return Outcome<InvitationView>.Conflict(AskRules.Describe(AskRefusal.AlreadyInvited));
            case { } refused:
                return Outcome<InvitationView>.Invalid("handle", AskRules.Describe(refused));
        }

        var referrer = await db.People.AsNoTracking().Where(p => p.Id == inviteeId).Select(p => new WhyPerson(p.Handle, p.DisplayName)).SingleAsync(cancellationToken);
        var why = new WhyYou([], [], [], text!, referrer, null);
        var referral = await writer.AddAsync(invitation.Problem!, inviteeId, target!.Id, InvitationSource.Referral, why, null, invitation.Id, now, cancellationToken);
        await InvitationResponses.AnswerAsync(notices, invitation, InvitationStatus.Referred, text!, now, $"passed on to {target.DisplayName}", cancellationToken);
        if (!await writer.SaveAsync(cancellationToken))
        {
            return Outcome<InvitationView>.Conflict(AskRules.Describe(AskRefusal.AlreadyInvited));
        }

        return (await db.Invitations.Where(i => i.Id == referral.Id).ToViewsAsync(db, cancellationToken))[0];
    }
}
