using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Accounts;

/// <summary>Signs one of the account's own browsers out. Another account's session is never touched.</summary>
public sealed class EndSession(RapportDbContext db)
{
    /// <summary>True when the session existed and was the account's.</summary>
    public async Task<bool> ExecuteAsync(string accountId, Guid sessionId, CancellationToken cancellationToken = default) =>
        await db.Sessions.Where(s => s.Id == sessionId && s.AccountId == accountId).ExecuteDeleteAsync(cancellationToken) > 0;
}
