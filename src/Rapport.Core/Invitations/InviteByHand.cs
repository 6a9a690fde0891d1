using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Invitations;

/// <summary>
/// The asker invites someone they chose (by handle, with an optional note that becomes the "why you"). Only the asker may
/// (anyone else: NotFound), not on an ended problem (conflict), and only someone <see cref="AskRules"/> allows. Inviting
/// someone already invited is a Conflict, also when two requests race (the unique index).
/// </summary>
public sealed class InviteByHand(RapportDbContext db, InvitationWriter writer, TimeProvider clock)
{
    public async Task<Outcome<InvitationView>> ExecuteAsync(Guid askerId, Guid problemId, string? handle, string? note, CancellationToken cancellationToken)
    {
        var problem = await db.Problems.SingleOrDefaultAsync(p => p.Id == problemId && p.AuthorId == askerId, cancellationToken);
        if (problem is null)
        {
            return Outcome<InvitationView>.NotFound();
        }

        var errors = new FieldErrors();
        var text = InvitationResponses.Note(note, errors);
        var normalized = Handle.Normalize(handle);
        var invitee = normalized is null ? null : await db.People.SingleOrDefaultAsync(p => p.Handle == normalized, cancellationToken);
        if (invitee is null)
        {
            errors.Add("handle", "There is nobody with this handle.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<InvitationView>.Invalid(errors);
        }

        if (problem.IsEnded)
        {
            return Outcome<InvitationView>.Conflict("This problem has ended; reopen it to invite anyone.");
        }

        var now = clock.GetUtcNow();
        switch (await AskRules.RefusalAsync(db, problem, askerId, invitee!, now, cancellationToken))
        {
            case AskRefusal.AlreadyInvited:
                return Outcome<InvitationView>.Conflict(AskRules.Describe(AskRefusal.AlreadyInvited));
            case { } refused:
                return Outcome<InvitationView>.Invalid("handle", AskRules.Describe(refused));
        }

        var invitation = await writer.AddAsync(problem, askerId, invitee!.Id, InvitationSource.ByHand, WhyYou.Noted(text!), null, null, now, cancellationToken);
        if (!await writer.SaveAsync(cancellationToken))
        {
            return Outcome<InvitationView>.Conflict(AskRules.Describe(AskRefusal.AlreadyInvited));
        }

        return (await db.Invitations.Where(i => i.Id == invitation.Id).ToViewsAsync(db, cancellationToken))[0];
    }
}
