using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.People;

/// <summary>Which person an account acts as.</summary>
public static class PersonIds
{
    /// <summary>The id of the account's person; null when the account has no profile yet.</summary>
    public static Task<Guid?> ForAccountAsync(this RapportDbContext db, string accountId, CancellationToken ct) =>
        db.People.Where(p => p.AccountId == accountId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
}
