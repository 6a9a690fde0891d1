using Microsoft.EntityFrameworkCore;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Invitations;

/// <summary>
/// What the invitee's answers share: only the invitee may answer (anyone else, and a withdrawn invitation, is NotFound),
/// only once (answering an answered invitation is a conflict that says how it was answered), and the asker — or for a
/// referral the referrer — hears of it.
/// </summary>
internal static class InvitationResponses
{
    public static Task<Invitation?> FindAsync(RapportDbContext db, Guid inviteeId, Guid invitationId, CancellationToken cancellationToken) =>
        db.Invitations.Include(i => i.Problem)
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.InviteeId == inviteeId && i.Status != InvitationStatus.Withdrawn, cancellationToken);

    /// <summary>Why the invitation cannot be answered now; null when it can.</summary>
    public static string? Refusal(Invitation invitation) => invitation.Status switch
    {
        InvitationStatus.Pending when invitation.Problem!.IsEnded => "This problem has ended.",
        InvitationStatus.Pending => null,
        InvitationStatus.Accepted => "You already accepted this invitation.",
        InvitationStatus.Declined => "You already declined this invitation.",
        InvitationStatus.Referred => "You already referred this invitation to someone else.",
        InvitationStatus.Expired => "This invitation has expired.",
        _ => "This invitation can no longer be answered.",
    };

    public static string? Note(string? note, FieldErrors errors)
    {
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length > Invitation.ResponseNoteMaxLength)
        {
            errors.Add("note", $"A note is at most {Invitation.ResponseNoteMaxLength} characters.");
            return null;
        }

        return trimmed;
    }

    /// <summary>Records the answer and tells whoever invited.</summary>
    public static Task AnswerAsync(Notices notices, Invitation invitation, InvitationStatus status, string note, DateTimeOffset now, string verb, CancellationToken cancellationToken)
    {
        invitation.Status = status;
        invitation.ResponseNote = note;
        invitation.RespondedAt = now;
        return notices.AddAsync(
            invitation.InvitedById, invitation.InviteeId, NotificationKind.InvitationAnswered, $"invitation:{invitation.Id}:{status}",
            $"Your invitation to help with “{invitation.Problem!.Title}” was {verb}.", InvitationLinks.ForProblem(invitation.ProblemId),
            invitation.ProblemId, cancellationToken);
    }
}
