using Rapport.Core.Invitations;

namespace Rapport.Core.Resolutions;

/// <summary>
/// The referrals that led to a person: starting from their invitation to the problem, each referral invitation
/// (<see cref="InvitationSource.Referral"/>) names the invitation it was referred from; its <see cref="Invitation.InvitedById"/>
/// is the referrer. Walks up at most <see cref="MaxDepth"/> steps (a cycle cannot make it loop).
/// </summary>
internal static class ReferralChain
{
    /// <summary>Longer chains than this are not followed further: a guard, far beyond any real chain of asks.</summary>
    public const int MaxDepth = 20;

    /// <summary>The referral invitations leading to <paramref name="inviteeId"/>, nearest first.</summary>
    public static IEnumerable<Invitation> Leading(Guid inviteeId, IReadOnlyCollection<Invitation> invitations)
    {
        var byId = invitations.ToDictionary(i => i.Id);
        var current = invitations.FirstOrDefault(i => i.InviteeId == inviteeId);
        for (var depth = 0; current is { Source: InvitationSource.Referral, ReferredFromId: { } from } && depth < MaxDepth; depth++)
        {
            yield return current;
            current = byId.GetValueOrDefault(from);
        }
    }
}
