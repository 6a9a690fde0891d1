using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// What an invitation link leads to, for the person holding it: NotFound for an unknown secret,
/// Conflict (with the reason) for one revoked, expired or used up, unless they are a member already.
/// </summary>
public sealed class PreviewInvitation(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<InvitationPreview>> ExecuteAsync(Guid personId, string? secret, CancellationToken cancellationToken)
    {
        if (await InvitationLookup.FindAsync(db, secret, cancellationToken) is not (InvitationLink link, Community community))
        {
            return Outcome<InvitationPreview>.NotFound();
        }

        var member = await db.Memberships.AnyAsync(m => m.CommunityId == community.Id && m.PersonId == personId, cancellationToken);
        if (!member && InvitationLookup.Problem(link, clock.GetUtcNow()) is { } problem)
        {
            return Outcome<InvitationPreview>.Conflict(problem);
        }

        var members = await db.Memberships.CountAsync(m => m.CommunityId == community.Id, cancellationToken);
        return new InvitationPreview(community.Slug, community.Name, community.MembershipMode, members, member);
    }
}
