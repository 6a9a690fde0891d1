using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>A community's invitation links for its hosts, newest first (never their secrets, which are not stored).</summary>
public sealed class ListInvitationLinks(RapportDbContext db, CommunityAccess access)
{
    /// <summary>Enough to show every active link and recent history.</summary>
    public const int MaxShown = 100;

    public async Task<Outcome<IReadOnlyList<InvitationLinkView>>> ExecuteAsync(Guid personId, string? slug, CancellationToken cancellationToken)
    {
        var community = await access.FindForAsync(slug, personId, CommunityOperation.ManageInvitations, cancellationToken);
        if (community is null)
        {
            return Outcome<IReadOnlyList<InvitationLinkView>>.NotFound();
        }

        var links = await db.InvitationLinks.AsNoTracking()
            .Where(l => l.CommunityId == community.Id)
            .OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id)
            .Take(MaxShown)
            .ToListAsync(cancellationToken);
        return links.Select(l => l.ToView()).ToList();
    }
}
