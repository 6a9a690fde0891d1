using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Cli.Tests.Infrastructure;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Cli.Tests.Commands;

public sealed class SeedCommandTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Seed_OnAnEmptyDatabase_SeedsTheNetworkAndPrintsALoginThatWorks(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var result = await RapportCli.RunAsync(["seed", .. RapportCli.DatabaseArgs(database)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Contains("Demo login: demo@rapport.local / lanterns-over-the-harbour", result.Output, StringComparison.Ordinal);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        Assert.True(await db.People.CountAsync(cancellationToken) >= 200);
        var communities = await db.Communities.Include(c => c.Questions).ToListAsync(cancellationToken);
        Assert.Equal(5, communities.Count);
        var byApplication = Assert.Single(communities, c => c.MembershipMode == MembershipMode.ByApplication);
        Assert.InRange(byApplication.Questions.Count, 2, 3);
        var pending = await db.MembershipApplications.Include(a => a.Answers)
            .Where(a => a.CommunityId == byApplication.Id && a.Status == ApplicationStatus.Pending).ToListAsync(cancellationToken);
        Assert.NotEmpty(pending);
        Assert.All(pending, a => Assert.Equal(byApplication.Questions.Count, a.Answers.Count));
        Assert.True(await SignsInAsync(database, "demo@rapport.local", "lanterns-over-the-harbour"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Seed_RunTwice_ChangesNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await RapportCli.RunAsync(["seed", .. RapportCli.DatabaseArgs(database)]);
        var before = await SnapshotAsync(database);

        var again = await RapportCli.RunAsync(["seed", "--seed", "7", .. RapportCli.DatabaseArgs(database)]);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing seeded", again.Output, StringComparison.Ordinal);
        Assert.Contains("Demo login:", again.Output, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task Seed_WithTheSameSeed_GivesTheSamePeopleInTwoDatabases()
    {
        await using var first = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var second = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);

        await RapportCli.RunAsync(["seed", "--seed", "42", .. RapportCli.DatabaseArgs(first)]);
        await RapportCli.RunAsync(["seed", "--seed", "42", .. RapportCli.DatabaseArgs(second)]);

        Assert.Equal(await HandlesAndBiosAsync(first), await HandlesAndBiosAsync(second));
    }

    private static async Task<bool> SignsInAsync(TestDatabase database, string email, string password)
    {
        await using var services = TestServices.Create(database);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByEmailAsync(email);
        return account is { EmailConfirmed: true } && await users.CheckPasswordAsync(account, password);
    }

    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var counts = await TableCounts.ReadAsync(db.Database.GetDbConnection(), database.Provider);
        return string.Join(',', counts) + await HandlesAndBiosAsync(database);
    }

    private static async Task<string> HandlesAndBiosAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var people = await db.People.OrderBy(p => p.Handle).Select(p => p.Handle + "|" + p.Bio).ToListAsync(TestContext.Current.CancellationToken);
        return string.Join('\n', people);
    }
}
