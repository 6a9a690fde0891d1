using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.Demo;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Demo;

public sealed class DemoSeederTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SeedIfEmpty_OnAnEmptyDatabase_StoresTheNetworkAndTheDemoLoginSignsIn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);

        var login = await SeedAsync(services);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        Assert.Equal(DemoNetwork.GeneratedPeople + 1, await db.People.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, await db.Communities.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(4, await db.MembershipApplications.CountAsync(a => a.Status == ApplicationStatus.Pending, TestContext.Current.CancellationToken));
        var demo = await users.FindByEmailAsync(login.Email);
        Assert.NotNull(demo);
        Assert.True(demo.EmailConfirmed);
        Assert.True(await users.CheckPasswordAsync(demo, login.Password));
        Assert.Equal(1, await db.Users.CountAsync(a => a.PasswordHash != null, TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Users.CountAsync(a => a.SecurityStamp == null || a.NormalizedEmail == null || !a.EmailConfirmed, TestContext.Current.CancellationToken));
        var hosted = await db.Memberships.Where(m => m.Person!.AccountId == demo.Id && m.Role == CommunityRole.Host)
            .Select(m => m.Community!.MembershipMode).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(MembershipMode.ByApplication, hosted);
        // Trust statements went through the change log: one position per version, the head at the last.
        var network = DemoNetwork.Generate(DemoNetwork.DefaultSeed, Now);
        var versions = network.TrustStatements.Sum(s => s.Versions.Count);
        Assert.Equal(network.TrustStatements.Count, await db.TrustStatements.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(versions, await db.TrustStatementVersions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(versions, await db.TrustChangeHeads.Select(h => h.Sequence).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Enumerable.Range(1, versions).Select(i => (long)i),
            await db.TrustStatementVersions.OrderBy(v => v.Sequence).Select(v => v.Sequence).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(network.Items.Count, await db.Items.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(network.Recommendations.Count, await db.Recommendations.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(network.Recommendations.Sum(r => r.Versions.Count), await db.RecommendationVersions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(network.Collections.Count, await db.Collections.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.Collections.CountAsync(c => c.ForkedFromId != null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SeedIfEmpty_WhenPeopleExist_ChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await SeedAsync(services);
        var before = await SnapshotAsync(services);

        var login = await SeedAsync(services, seed: 7);

        Assert.Equal(before, await SnapshotAsync(services));
        Assert.Equal(DemoSeeder.Login, login);
    }

    [Fact]
    public async Task SeedIfEmpty_WithARealAccountAlready_SeedsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = Services(database);
        await TestPeople.CreateAsync(services);

        await SeedAsync(services);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        Assert.Equal(1, await db.People.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Communities.CountAsync(TestContext.Current.CancellationToken));
    }

    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddRapportDatabase(database.Settings);
        services.AddAccounts(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddDemo();
        return services.BuildServiceProvider();
    }

    private static async Task<DemoLogin> SeedAsync(IServiceProvider services, int seed = DemoNetwork.DefaultSeed)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(seed, TestContext.Current.CancellationToken);
    }

    private static async Task<string> SnapshotAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var cancellationToken = TestContext.Current.CancellationToken;
        var people = await db.People.OrderBy(p => p.Handle).Select(p => p.Handle + p.Bio).ToListAsync(cancellationToken);
        var counts = new[]
        {
            await db.Users.CountAsync(cancellationToken), await db.Competences.CountAsync(cancellationToken),
            await db.Memberships.CountAsync(cancellationToken), await db.MembershipApplications.CountAsync(cancellationToken),
            await db.ApplicationQuestions.CountAsync(cancellationToken), await db.Communities.CountAsync(cancellationToken),
        };
        var stamps = await db.Users.OrderBy(a => a.Id).Select(a => a.Id + a.SecurityStamp + a.PasswordHash).ToListAsync(cancellationToken);
        return string.Join('\n', people.Concat(stamps).Append(string.Join(',', counts)));
    }
}
