using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>A host ends an invitation link at once. Revoking a revoked link is Ok (nothing changes).</summary>
public sealed class RevokeInvitationLink(RapportDbContext db, CommunityAccess access, TimeProvider clock)
{
    public async Task<Outcome<InvitationLinkView>> ExecuteAsync(Guid personId, string? slug, Guid linkId, CancellationToken cancellationToken)
    {
        var community = await access.FindForAsync(slug, personId, CommunityOperation.ManageInvitations, cancellationToken);
        var link = community is null
            ? null
            : await db.InvitationLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.CommunityId == community.Id, cancellationToken);
        if (link is null)
        {
            return Outcome<InvitationLinkView>.NotFound();
        }

        if (link.RevokedAt is null)
        {
            link.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return link.ToView();
    }
}
