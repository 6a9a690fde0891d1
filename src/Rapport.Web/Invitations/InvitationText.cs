using Rapport.Core.Invitations;

namespace Rapport.Web.Invitations;

/// <summary>Words for invitation states and sources on pages.</summary>
internal static class InvitationText
{
    public static string Status(InvitationStatus status) => status switch
    {
        InvitationStatus.Pending => "Waiting for an answer",
        InvitationStatus.Accepted => "Accepted",
        InvitationStatus.Declined => "Declined",
        InvitationStatus.Referred => "Passed on",
        InvitationStatus.Withdrawn => "Withdrawn",
        InvitationStatus.Expired => "Expired",
        _ => status.ToString(),
    };

    public static string Source(InvitationSource source) => source switch
    {
        InvitationSource.Routed => "found by routing",
        InvitationSource.ByHand => "invited by hand",
        InvitationSource.Referral => "referred",
        InvitationSource.AskAgain => "asked again",
        _ => source.ToString(),
    };
}
