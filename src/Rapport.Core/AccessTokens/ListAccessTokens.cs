using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.AccessTokens;

/// <summary>The caller's tokens that are not revoked, newest first (expired ones included, marked so).</summary>
public sealed class ListAccessTokens(RapportDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccessTokenSummary>> ExecuteAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var tokens = await db.AccessTokens
            .Where(t => t.AccountId == accountId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt)
            .Take(AccessToken.MaxPerAccount * 5)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return [.. tokens.Select(t => AccessTokenSummary.From(t, now))];
    }
}
