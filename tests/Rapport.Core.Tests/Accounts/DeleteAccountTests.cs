using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Accounts;

public sealed class DeleteAccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_LastHostWithOtherMembers_IsConflictNamingTheCommunityAndDeletesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);
        var host = await PersonAsync(database);
        var member = await PersonAsync(database);
        var community = await CommunityAsync(database, "Night Owls", (host, CommunityRole.Host), (member, CommunityRole.Member));
        await SessionAsync(database, host.AccountId);

        var outcome = await DeleteAsync(services, host.AccountId);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("Make another member a host of Night Owls first", outcome.Detail, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.True(await db.Users.AnyAsync(a => a.Id == host.AccountId, Ct));
        Assert.True(await db.People.AnyAsync(p => p.Id == host.Id, Ct));
        Assert.True(await db.Memberships.AnyAsync(m => m.CommunityId == community && m.PersonId == host.Id && m.Role == CommunityRole.Host, Ct));
        Assert.True(await db.Sessions.AnyAsync(s => s.AccountId == host.AccountId, Ct));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_HostWithAnotherHostOrAlone_DeletesAccountPersonMembershipsAndSessions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);
        var leaving = await PersonAsync(database);
        var cohost = await PersonAsync(database);
        var shared = await CommunityAsync(database, "Shared", (leaving, CommunityRole.Host), (cohost, CommunityRole.Host));
        var alone = await CommunityAsync(database, "Alone", (leaving, CommunityRole.Host));
        await SessionAsync(database, leaving.AccountId);

        var outcome = await DeleteAsync(services, leaving.AccountId);

        Assert.True(outcome.Succeeded, outcome.Detail);
        await using var db = database.CreateContext();
        Assert.False(await db.Users.AnyAsync(a => a.Id == leaving.AccountId, Ct));
        Assert.False(await db.People.AnyAsync(p => p.Id == leaving.Id, Ct));
        Assert.False(await db.Memberships.AnyAsync(m => m.PersonId == leaving.Id, Ct));
        Assert.False(await db.Sessions.AnyAsync(s => s.AccountId == leaving.AccountId, Ct));
        Assert.True(await db.Memberships.AnyAsync(m => m.CommunityId == shared && m.PersonId == cohost.Id && m.Role == CommunityRole.Host, Ct));
        Assert.True(await db.Communities.AnyAsync(c => c.Id == alone, Ct));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_MissingAccount_IsNotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);

        var outcome = await DeleteAsync(services, Guid.NewGuid().ToString());

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
    }

    private static async Task<Outcome<bool>> DeleteAsync(IServiceProvider services, string accountId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeleteAccount>().ExecuteAsync(accountId, Ct);
    }

    internal static async Task<Person> PersonAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var handle = TestPeople.UniqueHandle("d");
        var now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test", CreatedAt = now };
        var person = new Person { AccountId = account.Id, Handle = handle, DisplayName = $"Person {handle}", JoinedAt = now };
        db.Users.Add(account);
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return person;
    }

    internal static async Task<Guid> CommunityAsync(TestDatabase database, string name, params (Person Person, CommunityRole Role)[] members)
    {
        await using var db = database.CreateContext();
        var now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var community = new Community { Slug = $"c-{Guid.NewGuid():N}"[..20], Name = name, MembershipMode = MembershipMode.Open, CreatedAt = now };
        community.Memberships.AddRange(members.Select(m => new Membership { PersonId = m.Person.Id, Role = m.Role, JoinedAt = now }));
        db.Communities.Add(community);
        await db.SaveChangesAsync(Ct);
        return community.Id;
    }

    private static async Task SessionAsync(TestDatabase database, string accountId)
    {
        await using var db = database.CreateContext();
        var now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        db.Sessions.Add(new Session { Id = Guid.NewGuid(), AccountId = accountId, Ticket = [1, 2, 3], CreatedAt = now, ExpiresAt = now.AddDays(14), LastSeenAt = now, UserAgent = "Test browser" });
        await db.SaveChangesAsync(Ct);
    }
}
