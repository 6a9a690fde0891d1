using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>Finding an invitation link by its secret, and saying plainly why it no longer works.</summary>
internal static class InvitationLookup
{
    public static async Task<(InvitationLink Link, Community Community)?> FindAsync(RapportDbContext db, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > InvitationSecret.MaxLength)
        {
            return null;
        }

        var hash = InvitationSecret.Hash(secret.Trim());
        var found = await db.InvitationLinks.AsNoTracking()
            .Where(l => l.SecretHash == hash)
            .Join(db.Communities.AsNoTracking(), l => l.CommunityId, c => c.Id, (l, c) => new { Link = l, Community = c })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Link, found.Community);
    }

    /// <summary>Why <paramref name="link"/> cannot be used at <paramref name="now"/>, or null when it can.</summary>
    public static string? Problem(InvitationLink link, DateTimeOffset now) =>
        link.RevokedAt is not null ? "This invitation link has been revoked. Ask a host for a new one."
        : now >= link.ExpiresAt ? "This invitation link has expired. Ask a host for a new one."
        : link.MaxUses is { } max && link.Uses >= max ? "This invitation link has been used as many times as it allows. Ask a host for a new one."
        : null;
}
