using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Accounts;

/// <summary>
/// Signs an account out of every browser at once (password change or reset, email change, "sign out
/// everywhere"), optionally keeping one session: the one making the change.
/// </summary>
public sealed class EndSessions(RapportDbContext db)
{
    /// <summary>Deletes the account's sessions except <paramref name="keep"/>; answers how many ended.</summary>
    public Task<int> ExecuteAsync(string accountId, Guid? keep = null, CancellationToken cancellationToken = default) =>
        db.Sessions.Where(s => s.AccountId == accountId && s.Id != keep).ExecuteDeleteAsync(cancellationToken);
}
