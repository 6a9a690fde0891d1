using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Accounts;

/// <summary>A signed-in browser as its owner sees it: never the ticket.</summary>
public sealed record SessionSummary(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? UserAgent);

/// <summary>The account's unexpired sessions, most recently seen first.</summary>
public sealed class ListSessions(RapportDbContext db, TimeProvider clock)
{
    /// <summary>More than anyone has devices; a bound on what one page shows.</summary>
    public const int Max = 100;

    public async Task<IReadOnlyList<SessionSummary>> ExecuteAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.Sessions
            .Where(s => s.AccountId == accountId && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt)
            .Take(Max)
            .Select(s => new SessionSummary(s.Id, s.CreatedAt, s.LastSeenAt, s.UserAgent))
            .ToListAsync(cancellationToken);
        return sessions;
    }
}
