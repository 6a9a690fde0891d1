using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Communities;

/// <summary>
/// A real database and the Communities use cases wired as the host wires them, one DI scope (and so
/// one DbContext) per call, like one request each. Tests share it and stay apart with unique people and slugs.
/// </summary>
public sealed class CommunityWorld : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CommunityWorld(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped(_ => database.CreateContext());
        services.AddLogging();
        services.AddCommunities();
        services.AddTrust(); // leaving a community brings the trust graph up to date
        _services = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public static async Task<CommunityWorld> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    /// <summary>Runs one use case in its own scope.</summary>
    public async Task<TResult> RunAsync<TUseCase, TResult>(Func<TUseCase, Task<TResult>> act)
        where TUseCase : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    /// <summary>Reads the database with a fresh context, to check what a use case really stored.</summary>
    public async Task<T> ReadAsync<T>(Func<RapportDbContext, Task<T>> read)
    {
        await using var db = Database.CreateContext();
        return await read(db);
    }

    public async Task<Person> PersonAsync(params (string Topic, string? Context)[] competences)
    {
        await using var db = Database.CreateContext();
        var handle = TestPeople.UniqueHandle("c");
        var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test", CreatedAt = Clock.GetUtcNow() };
        var person = new Person { AccountId = account.Id, Handle = handle, DisplayName = $"Person {handle}", JoinedAt = Clock.GetUtcNow() };
        person.Competences.AddRange(competences.Select(c => new Competence { Topic = c.Topic, Context = c.Context }));
        db.Users.Add(account);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>A community hosted by <paramref name="host"/>; returns its slug.</summary>
    public async Task<string> CommunityAsync(Person host, MembershipMode mode, params string[] questions)
    {
        var slug = UniqueSlug();
        var created = await RunAsync((CreateCommunity uc) => uc.ExecuteAsync(
            host.Id, slug, new CommunityFields($"Community {slug}", "About *us*", "Be kind.", mode, questions), TestContext.Current.CancellationToken));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.ToDictionary().SelectMany(e => e.Value)));
        return slug;
    }

    /// <summary>Makes <paramref name="person"/> a member (through an invitation link, which works for every mode).</summary>
    public async Task JoinAsync(Person host, string slug, Person person)
    {
        var ct = TestContext.Current.CancellationToken;
        var link = await RunAsync((CreateInvitationLink uc) => uc.ExecuteAsync(host.Id, slug, 7, null, ct));
        var joined = await RunAsync((JoinWithInvitation uc) => uc.ExecuteAsync(person.Id, link.Value!.Secret, ct));
        Assert.True(joined.Succeeded, joined.Detail);
    }

    public static string UniqueSlug() => $"c-{Guid.NewGuid():N}"[..20];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>One <see cref="CommunityWorld"/> per provider for a test class, made on first use.</summary>
public sealed class CommunityWorlds : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<CommunityWorld>>> _worlds = new();

    public Task<CommunityWorld> ForAsync(DatabaseProvider provider) =>
        _worlds.GetOrAdd(provider, p => new Lazy<Task<CommunityWorld>>(() => CommunityWorld.CreateAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var world in _worlds.Values.Where(w => w.IsValueCreated && w.Value.IsCompletedSuccessfully))
        {
            await world.Value.Result.DisposeAsync();
        }
    }
}
