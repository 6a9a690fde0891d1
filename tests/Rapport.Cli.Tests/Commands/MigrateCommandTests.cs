using Microsoft.EntityFrameworkCore;
using Rapport.Cli.Tests.Infrastructure;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Cli.Tests.Commands;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_OnAFreshDataDirectory_CreatesTheDatabaseAndPrintsTheMigrationsApplied()
    {
        using var temporary = new TemporaryDirectory();
        var dataDirectory = temporary.File("data");

        var result = await RapportCli.RunAsync("migrate", "--data-dir", dataDirectory);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "rapport.db")));
        Assert.Matches(@"Applied \d+_Initial", result.Output);
        Assert.Empty(result.Error);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Migrate_RunTwice_AppliesEverythingOnceThenNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await RapportCli.RunAsync(["migrate", .. RapportCli.DatabaseArgs(database)]);
        var second = await RapportCli.RunAsync(["migrate", .. RapportCli.DatabaseArgs(database)]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Applied", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("Applied", second.Output, StringComparison.Ordinal);
        Assert.Contains("0 migration(s) applied", second.Output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_WhenTheDataDirectoryCannotBeCreated_FailsWithOneReadableLine()
    {
        using var temporary = new TemporaryDirectory();
        var file = temporary.File("a-file");
        await File.WriteAllTextAsync(file, "not a directory", TestContext.Current.CancellationToken);

        var result = await RapportCli.RunAsync("migrate", "--data-dir", Path.Combine(file, "data"));

        RapportCli.AssertOneLineError(result, "Cannot create the data directory");
    }

    [Fact]
    public async Task Migrate_WithDataDirOption_OverridesTheEnvironment()
    {
        using var temporary = new TemporaryDirectory();
        var environment = new Dictionary<string, string?> { ["Rapport__DataDirectory"] = temporary.File("from-environment") };

        var fromEnvironment = await RapportCli.RunAsync(environment, "migrate");
        var fromOption = await RapportCli.RunAsync(environment, "migrate", "--data-dir", temporary.File("from-option"));

        Assert.Equal(0, fromEnvironment.ExitCode);
        Assert.Equal(0, fromOption.ExitCode);
        Assert.True(File.Exists(temporary.File("from-environment/rapport.db")));
        Assert.True(File.Exists(temporary.File("from-option/rapport.db")));
    }
}
