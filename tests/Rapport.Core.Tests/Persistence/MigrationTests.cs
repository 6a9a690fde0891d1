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
