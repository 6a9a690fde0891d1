using Microsoft.EntityFrameworkCore;
using Rapport.Core.Interactions;
using Rapport.Core.Notifications;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Core.Invitations;

/// <summary>
/// Adds one invitation with what always goes with it, in the caller's unit of work: the <c>invited</c> (or, for a
/// referral, <c>referred</c>) interaction from whoever invited to the invitee, and the invitee's notice. The caller has
/// checked <see cref="AskRules"/> and saves through <see cref="SaveAsync"/>.
/// </summary>
public sealed class InvitationWriter(RapportDbContext db, Notices notices)
{
    internal async Task<Invitation> AddAsync(
        Problem problem, Guid inviterId, Guid inviteeId, InvitationSource source, WhyYou why, double? score, Guid? referredFromId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(now),
            ProblemId = problem.Id,
            InviteeId = inviteeId,
            InvitedById = inviterId,
            Source = source,
            Reason = why.ToReason(),
            Score = score,
            ReferredFromId = referredFromId,
            CreatedAt = now,
        };
        db.Invitations.Add(invitation);
        db.Interactions.Add(new Interaction
        {
            Id = Guid.CreateVersion7(now),
            FromId = inviterId,
            ToId = inviteeId,
            Kind = source == InvitationSource.Referral ? InteractionKind.Referred : InteractionKind.Invited,
            ProblemId = problem.Id,
            InvitationId = invitation.Id,
            CreatedAt = now,
        });
        var (kind, text) = source switch
        {
            InvitationSource.Referral => (NotificationKind.InvitationReceived, $"You were referred to help with “{problem.Title}”."),
            InvitationSource.AskAgain => (NotificationKind.AskedAgain, $"You were asked again: “{problem.Title}”."),
            _ => (NotificationKind.InvitationReceived, $"You were invited to help with “{problem.Title}”."),
        };
        await notices.AddAsync(inviteeId, inviterId, kind, $"invitation:{invitation.Id}", text, InvitationLinks.Inbox, problem.Id, cancellationToken);
        return invitation;
    }

    /// <summary>
    /// Saves the caller's unit of work. False when the unique (problem, invitee) index refused it because a concurrent
    /// request invited the same person first; the caller answers that as <see cref="AskRefusal.AlreadyInvited"/>, the
    /// same as when <see cref="AskRules"/> finds the invitation. Nothing of the unit of work is stored then.
    /// </summary>
    internal async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>Where invitations are shown.</summary>
public static class InvitationLinks
{
    /// <summary>The invitee's list of invitations.</summary>
    public const string Inbox = "/invitations";

    /// <summary>The asker's view of one problem's invitations.</summary>
    public static string ForProblem(Guid problemId) => $"/problems/{problemId}/invitations";
}
