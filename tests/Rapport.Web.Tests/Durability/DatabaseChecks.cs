using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Core.Persistence;

namespace Rapport.Web.Tests.Durability;

/// <summary>The database engine's own checks, run by the test process beside the app.</summary>
internal static class DatabaseChecks
{
    /// <summary>SQLite's verdict on the file (pages, indexes, free list): "ok", or a list of problems.</summary>
    public static Task<string> SqliteIntegrityAsync(DatabaseSettings database, CancellationToken cancellationToken) =>
        QueryAsync(database, "PRAGMA integrity_check", cancellationToken);

    /// <summary>
    /// The durability settings a test can see from outside the app: WAL for SQLite (stored in the file; <c>synchronous</c>
    /// is per connection, set by the app's interceptor), fsync and synchronous commit for PostgreSQL (server defaults).
    /// </summary>
    public static async Task AssertDurableSettingsAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("wal", await QueryAsync(database, "PRAGMA journal_mode", cancellationToken));
        }
        else
        {
            Assert.Equal("on", await QueryAsync(database, "SHOW fsync", cancellationToken));
            Assert.NotEqual("off", await QueryAsync(database, "SHOW synchronous_commit", cancellationToken));
        }
    }

    private static async Task<string> QueryAsync(DatabaseSettings database, string sql, CancellationToken cancellationToken)
    {
        var settings = Unpooled.Connections(database);
        await using DbConnection connection = settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
