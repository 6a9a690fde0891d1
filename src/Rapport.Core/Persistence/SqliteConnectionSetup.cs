using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Core.Persistence;

/// <summary>
/// Sets the per-connection pragmas that make an acknowledged SQLite write durable:
/// WAL (persistent, set again harmlessly), <c>synchronous=FULL</c> (fsync the WAL on every commit),
/// a busy timeout instead of immediate SQLITE_BUSY, and foreign keys.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string SessionPragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    // Switching to WAL writes to the file; EF also opens read-only connections (to see whether the file exists).
    private const string WritablePragmas = "PRAGMA journal_mode=WAL; " + SessionPragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = PragmasFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string PragmasFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? SessionPragmas : WritablePragmas;
}
