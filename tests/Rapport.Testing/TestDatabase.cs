using Npgsql;
using Rapport.Core.Persistence;

namespace Rapport.Testing;

/// <summary>
/// A fresh, migrated, real database for one test class: a SQLite file in a temporary directory, or a
/// new PostgreSQL database on the server named by <c>RAPPORT_TEST_POSTGRES</c>. Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseSettings settings, string? postgresName)
    {
        Settings = settings;
        _postgresName = postgresName;
    }

    private readonly string? _postgresName;

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>Creates the database (skipping the test when PostgreSQL is not available outside CI).</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var directory = Directory.CreateTempSubdirectory("rapport-test-").FullName;
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            database = new TestDatabase(new DatabaseSettings(provider, $"Data Source={Path.Combine(directory, "rapport.db")}", directory), null);
        }
        else
        {
            if (TestEnvironment.PostgresConnectionString is not { } server)
            {
                TestEnvironment.SkipUnlessCi("RAPPORT_TEST_POSTGRES is not set, so the PostgreSQL row is skipped.");
                throw new InvalidOperationException("unreachable");
            }

            var name = $"rapport_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            database = new TestDatabase(new DatabaseSettings(provider, builder.ConnectionString, directory), name);
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            await DatabaseRegistration.MigrateAsync(db, database.Settings);
        }

        return database;
    }

    public RapportDbContext CreateContext() => DatabaseRegistration.CreateStandaloneContext(Settings);

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null && TestEnvironment.PostgresConnectionString is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await DropPostgresDatabaseAsync(server, _postgresName);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Settings.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned by the OS.
        }
    }

    // FORCE ends other sessions on the database, but a non-superuser may not end one that is not its own (an
    // autovacuum worker that just started there, say). Such a session goes away by itself: try again shortly.
    // A database that still cannot be dropped is left behind; it is named rapport_test_* and harmless.
    private static async Task DropPostgresDatabaseAsync(string server, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 10)
                {
                    return;
                }

                await Task.Delay(200 * attempt);
            }
        }
    }
}
