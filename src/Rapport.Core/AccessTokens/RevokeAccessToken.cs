using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.AccessTokens;

/// <summary>Revokes one of the caller's own tokens. Someone else's token is answered as missing.</summary>
public sealed class RevokeAccessToken(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<AccessTokenSummary>> ExecuteAsync(string accountId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.AccountId == accountId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return Outcome<AccessTokenSummary>.NotFound();
        }

        var now = clock.GetUtcNow();
        token.RevokedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return AccessTokenSummary.From(token, now);
    }
}
