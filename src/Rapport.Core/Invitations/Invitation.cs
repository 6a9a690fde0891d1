using Rapport.Core.People;
using Rapport.Core.Problems;

namespace Rapport.Core.Invitations;

/// <summary>How an invitation came about.</summary>
public enum InvitationSource
{
    /// <summary>Chosen by the router for a new problem.</summary>
    Routed = 0,

    /// <summary>The asker invited this person themselves.</summary>
    ByHand = 1,

    /// <summary>An invitee referred the problem to someone they trust (<see cref="Invitation.ReferredFromId"/> is set).</summary>
    Referral = 2,

    /// <summary>A one-tap "ask again" from an offer, routed straight to its provider.</summary>
    AskAgain = 3,
}

/// <summary>Where an invitation stands.</summary>
public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,

    /// <summary>The invitee passed it on to someone they trust (that invitation names this one).</summary>
    Referred = 3,

    /// <summary>Taken back by the asker: the invitee no longer sees an invited-only problem.</summary>
    Withdrawn = 4,

    /// <summary>Not answered in time.</summary>
    Expired = 5,
}

/// <summary>
/// A routed ask to a person to help with a problem, with the reason shown ("why you"). One per (problem, invitee).
/// An invitation not withdrawn lets its invitee see the problem (<see cref="ProblemAccess.CanSee"/>); the invitation
/// itself is visible exactly when its problem is. A referral chain is kept through <see cref="ReferredFromId"/>, and a
/// referrer may be credited through it (<see cref="Resolutions.Credit.InvitationId"/>). Routing never invites across a
/// <see cref="Blocks.Block"/> in either direction.
/// </summary>
public sealed class Invitation
{
    public const int ReasonMaxLength = 4000;
    public const int ResponseNoteMaxLength = 1000;

    public Guid Id { get; set; }

    public Guid ProblemId { get; set; }

    public Guid InviteeId { get; set; }

    /// <summary>The asker, or for a referral the invitee who referred it.</summary>
    public Guid InvitedById { get; set; }

    public InvitationSource Source { get; set; }

    /// <summary>"Why you", as shown: the trust path and matching expertise, stored as text (plain or JSON).</summary>
    public string Reason { get; set; } = "";

    /// <summary>The router's score when routed; null otherwise. Kept for learning from outcomes.</summary>
    public double? Score { get; set; }

    public InvitationStatus Status { get; set; } = InvitationStatus.Pending;

    /// <summary>The invitation this one was referred from; null unless <see cref="InvitationSource.Referral"/>.</summary>
    public Guid? ReferredFromId { get; set; }

    /// <summary>What the invitee said when declining or referring; empty for nothing.</summary>
    public string ResponseNote { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the invitee accepted, declined or referred it (or when it was withdrawn or expired).</summary>
    public DateTimeOffset? RespondedAt { get; set; }

    public Problem? Problem { get; set; }

    public Person? Invitee { get; set; }

    public Person? InvitedBy { get; set; }

    public Invitation? ReferredFrom { get; set; }
}
