using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.Cli.Tests.Infrastructure;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Cli.Tests.Commands;

public sealed class BackupCommandTests
{
    [Fact]
    public async Task Backup_OfASeededDatabase_OpensAsADatabaseWithTheSameRowsInEveryTable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        using var temporary = new TemporaryDirectory();
        await RapportCli.RunAsync(["seed", .. RapportCli.DatabaseArgs(database)]);
        var target = temporary.File("backup.db");

        var result = await RapportCli.RunAsync(["backup", target, .. RapportCli.DatabaseArgs(database)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(target, result.Output, StringComparison.Ordinal);
        await using var source = database.CreateContext();
        var restored = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={target}", temporary.Path);
        await using var backup = DatabaseRegistration.CreateStandaloneContext(restored);
        var expected = await TableCounts.ReadAsync(source.Database.GetDbConnection(), DatabaseProvider.Sqlite);
        Assert.True(expected["People"] >= 200);
        Assert.Equal(expected, await TableCounts.ReadAsync(backup.Database.GetDbConnection(), DatabaseProvider.Sqlite));
        Assert.Empty(await backup.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(
            await source.People.OrderBy(p => p.Handle).Select(p => p.Handle).ToListAsync(TestContext.Current.CancellationToken),
            await backup.People.OrderBy(p => p.Handle).Select(p => p.Handle).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Backup_WhileAWriteIsInProgress_CopiesTheCommittedStateWithoutWaiting()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var temporary = new TemporaryDirectory();
        await using (var services = TestServices.Create(database))
        {
            await TestPeople.CreateAsync(services);
        }

        await using var writer = new SqliteConnection(database.Settings.ConnectionString);
        await writer.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await writer.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var delete = writer.CreateCommand())
        {
            delete.CommandText = "DELETE FROM People";
            await delete.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var result = await RapportCli.RunAsync(["backup", temporary.File("during-write.db"), .. RapportCli.DatabaseArgs(database)]);

        Assert.Equal(0, result.ExitCode);
        await using var backup = new SqliteConnection($"Data Source={temporary.File("during-write.db")}");
        Assert.Equal(1, (await TableCounts.ReadAsync(backup, DatabaseProvider.Sqlite))["People"]);
    }

    [Fact]
    public async Task Backup_WhenTheFileExists_RefusesWithoutForceAndReplacesItWithForce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var temporary = new TemporaryDirectory();
        var target = temporary.File("existing.db");
        await File.WriteAllTextAsync(target, "an older backup", TestContext.Current.CancellationToken);

        var refused = await RapportCli.RunAsync(["backup", target, .. RapportCli.DatabaseArgs(database)]);

        RapportCli.AssertOneLineError(refused, "--force");
        Assert.Equal("an older backup", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));

        var forced = await RapportCli.RunAsync(["backup", target, "--force", .. RapportCli.DatabaseArgs(database)]);

        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith("SQLite format 3", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(temporary.Path));
    }

    [Fact]
    public async Task Backup_WithoutADatabase_FailsAndCreatesNothing()
    {
        using var temporary = new TemporaryDirectory();

        var result = await RapportCli.RunAsync("backup", temporary.File("backup.db"), "--data-dir", temporary.File("empty"));

        RapportCli.AssertOneLineError(result, "rapport migrate");
        Assert.Empty(Directory.GetFileSystemEntries(temporary.Path));
    }

    [Fact]
    public async Task Backup_IntoAMissingDirectory_FailsWithOneReadableLine()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RapportCli.RunAsync(["backup", Path.Combine(database.Settings.DataDirectory, "no", "such", "backup.db"), .. RapportCli.DatabaseArgs(database)]);

        RapportCli.AssertOneLineError(result, "does not exist");
    }

    [Fact]
    public async Task Backup_OnPostgres_ExitsWithTwoAndAPgDumpCommandWithoutThePassword()
    {
        var result = await RapportCli.RunAsync("backup", "rapport.dump", "--provider", "postgres",
            "--connection", "Host=db.internal;Port=5433;Database=rapport;Username=rapport_app;Password=s3cret-pw");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pg_dump --format=custom --host=db.internal --port=5433 --username=rapport_app --dbname=rapport --file=", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", result.Error + result.Output, StringComparison.Ordinal);
    }
}
