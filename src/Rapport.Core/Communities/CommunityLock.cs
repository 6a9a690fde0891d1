using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// Serializes changes to who hosts a community. Inside a transaction, a no-op update of the community
/// row takes its row lock (PostgreSQL) or the write lock (SQLite) until commit, so two hosts stepping
/// down at once cannot each count the other and leave the community without a host. Reads after it
/// see every change committed before the lock was granted.
/// </summary>
internal static class CommunityLock
{
    public static Task AcquireAsync(RapportDbContext db, Guid communityId, CancellationToken cancellationToken) =>
        db.Communities.Where(c => c.Id == communityId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Slug, c => c.Slug), cancellationToken);

    public static Task<int> CountHostsAsync(RapportDbContext db, Guid communityId, CancellationToken cancellationToken) =>
        db.Memberships.CountAsync(m => m.CommunityId == communityId && m.Role == CommunityRole.Host, cancellationToken);
}
