using Microsoft.EntityFrameworkCore;

namespace Rapport.Core.Accounts;

/// <summary>
/// Serializes registrations so exactly one account can see an empty instance and become its administrator.
/// SQLite transactions already take the database's single write lock at BEGIN; PostgreSQL's default
/// READ COMMITTED would let two first registrations both see no accounts, so they queue on an advisory lock.
/// </summary>
internal static class RegistrationLock
{
    // Any constant works, as long as nothing else in Rapport takes the same advisory lock.
    private const long Key = 0x5261_7070_6f72_7401;

    public static async Task AcquireAsync(Persistence.RapportDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key})", cancellationToken);
        }
    }
}
