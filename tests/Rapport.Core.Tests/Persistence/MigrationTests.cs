using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Persistence;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=unused;Database=unused")]
    public void Model_HasNoChangesMissingFromTheProvidersMigrations(DatabaseProvider provider, string connectionString)
    {
        // Comparing the model with the migrations' snapshot needs no server.
        using var db = DatabaseRegistration.CreateStandaloneContext(new DatabaseSettings(provider, connectionString, Path.GetTempPath()));

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes not in the {provider} migrations. Run ./eng/regenerate-initial-migration.sh (before the first release) or add a migration.");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Migrate_OnAnEmptyDatabase_AppliesEveryMigration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);
        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
    }

    [Fact]
    public async Task SqliteConnections_AreDurableAndPatient()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal("2", await Pragma(db, "synchronous")); // FULL
        Assert.Equal("10000", await Pragma(db, "busy_timeout"));
        Assert.Equal("1", await Pragma(db, "foreign_keys"));
    }

    [Fact]
    public async Task Migrate_OnASqliteFileNotYetInWalMode_Works()
    {
        // A copy made by sqlite3 .backup or a file from elsewhere starts in rollback-journal mode.
        var directory = Directory.CreateTempSubdirectory("rapport-journal-").FullName;
        var path = Path.Combine(directory, "rapport.db");
        await using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await raw.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = raw.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=DELETE; CREATE TABLE leftover(x INTEGER);";
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}", directory);
        await using (var db = DatabaseRegistration.CreateStandaloneContext(settings))
        {
            await DatabaseRegistration.MigrateAsync(db, settings, TestContext.Current.CancellationToken);
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            Assert.Equal("wal", await Pragma(db, "journal_mode"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<string> Pragma(RapportDbContext db, string name)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
        }
    }
}
