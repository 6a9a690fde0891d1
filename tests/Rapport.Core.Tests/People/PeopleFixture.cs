using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.People;

/// <summary>A fresh database per test with small builders for people and communities.</summary>
internal sealed class PeopleFixture : IAsyncDisposable
{
    private PeopleFixture(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<PeopleFixture> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    /// <summary>A new context; use one per step so reads see the database, not a tracked copy.</summary>
    public RapportDbContext Db() => Database.CreateContext();

    public async Task<Person> AddPersonAsync(string handle, string? displayName = null, params (string Topic, string? Context)[] competences)
    {
        await using var db = Db();
        var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test" };
        var person = new Person
        {
            AccountId = account.Id,
            Handle = handle,
            DisplayName = displayName ?? $"Test {handle}",
            Competences = [.. competences.Select(c => new Competence { Topic = c.Topic, Context = c.Context })],
        };
        db.Users.Add(account);
        db.People.Add(person);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return person;
    }

    public async Task AddMembershipAsync(Person person, string slug, string name, CommunityRole role)
    {
        await using var db = Db();
        var community = await db.Communities.SingleOrDefaultAsync(c => c.Slug == slug, TestContext.Current.CancellationToken)
            ?? db.Communities.Add(new Community { Slug = slug, Name = name }).Entity;
        community.Memberships.Add(new Membership { PersonId = person.Id, Role = role });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The person as stored now, with competences.</summary>
    public async Task<Person> ReloadAsync(Person person)
    {
        await using var db = Db();
        return await db.People.AsNoTracking().Include(p => p.Competences).SingleAsync(p => p.Id == person.Id, TestContext.Current.CancellationToken);
    }

    public async Task<Outcome<T>> RunAsync<T>(Func<RapportDbContext, Task<Outcome<T>>> useCase)
    {
        await using var db = Db();
        return await useCase(db);
    }

    public static MarkdownRenderer Markdown { get; } = new();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
