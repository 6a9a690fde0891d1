using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Tests.Communities;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

/// <summary>
/// A real database with the Communities, Trust and Recommendations use cases wired as the host wires them (one scope,
/// so one DbContext, per call). Tests share it and stay apart with their own people.
/// </summary>
public sealed class RecommendationWorld : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsDatabase;

    private RecommendationWorld(TestDatabase database, FakeTimeProvider? clock = null)
    {
        Database = database;
        _ownsDatabase = clock is null;
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped(_ => database.CreateContext());
        services.AddAccounts(new ConfigurationBuilder().Build());
        services.AddCommunities();
        services.AddTrust();
        services.AddRecommendations();
        _services = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Another app node on the same database and clock: its own singletons (trust graph, recommendation index).</summary>
    public RecommendationWorld SecondNode() => new(Database, Clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RecommendationWorld> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public async Task<TResult> RunAsync<TUseCase, TResult>(Func<TUseCase, Task<TResult>> act)
        where TUseCase : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public async Task<T> ReadAsync<T>(Func<RapportDbContext, Task<T>> read)
    {
        await using var db = Database.CreateContext();
        return await read(db);
    }

    public async Task<Person> PersonAsync(string stem = "r")
    {
        await using var db = Database.CreateContext();
        var handle = TestPeople.UniqueHandle(stem);
        var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test", CreatedAt = Clock.GetUtcNow() };
        var person = new Person { AccountId = account.Id, Handle = handle, DisplayName = $"Person {handle}", JoinedAt = Clock.GetUtcNow() };
        db.Users.Add(account);
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return person;
    }

    /// <summary>An open community hosted by <paramref name="host"/> with <paramref name="members"/>; returns its slug.</summary>
    public async Task<string> CommunityAsync(Person host, params Person[] members)
    {
        var slug = CommunityWorld.UniqueSlug();
        var created = await RunAsync((CreateCommunity uc) => uc.ExecuteAsync(
            host.Id, slug, new CommunityFields($"Community {slug}", "", "", MembershipMode.Open, []), Ct));
        Assert.True(created.Succeeded);
        foreach (var member in members)
        {
            Assert.True((await RunAsync((JoinCommunity uc) => uc.ExecuteAsync(member.Id, slug, Ct))).Succeeded);
        }

        return slug;
    }

    public async Task LeaveAsync(string slug, Person person) =>
        Assert.True((await RunAsync((LeaveCommunity uc) => uc.ExecuteAsync(person.Id, slug, Ct))).Succeeded);

    public async Task TrustAsync(Person from, Person to, double value, string? topic = null)
    {
        var outcome = await RunAsync((StateTrust uc) => uc.ExecuteAsync(from.Id, new TrustStatementInput(to.Handle, value, topic, TrustVisibility.Public, null, null), Ct));
        Assert.True(outcome.Succeeded, Describe(outcome));
    }

    public async Task<ItemView> ItemAsync(Person by, string title = "A book", string? url = null, ItemKind kind = ItemKind.Book, params string[] topics)
    {
        var outcome = await RunAsync((AddItem uc) => uc.ExecuteAsync(by.Id, new ItemInput(kind, title, null, url, topics), Ct));
        Assert.True(outcome.Succeeded, Describe(outcome));
        return outcome.Value!.Item;
    }

    public async Task<RecommendationView> RecommendAsync(
        Person by, ItemView item, int? rating = 5, TrustVisibility visibility = TrustVisibility.Public, string? community = null, string? note = null, string? topic = null)
    {
        var outcome = await RunAsync((Recommend uc) => uc.ExecuteAsync(by.Id, item.Id, new RecommendationInput(rating, note, topic, visibility, community), Ct));
        Assert.True(outcome.Succeeded, Describe(outcome));
        return outcome.Value!.Recommendation;
    }

    public async Task<CollectionView> CollectionAsync(Person owner, string title = "Reading list", TrustVisibility visibility = TrustVisibility.Public, string? community = null)
    {
        var outcome = await RunAsync((CreateCollection uc) => uc.ExecuteAsync(owner.Id, new CollectionInput(title, null, visibility, community), Ct));
        Assert.True(outcome.Succeeded, Describe(outcome));
        return outcome.Value!;
    }

    public static string Describe<T>(Outcome<T> outcome) =>
        $"{outcome.Kind}: {string.Join("; ", outcome.Errors.ToDictionary().SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")))} {outcome.Detail}";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

/// <summary>One <see cref="RecommendationWorld"/> per provider for a test class, made on first use.</summary>
public sealed class RecommendationWorlds : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<RecommendationWorld>>> _worlds = new();

    public Task<RecommendationWorld> ForAsync(DatabaseProvider provider) =>
        _worlds.GetOrAdd(provider, p => new Lazy<Task<RecommendationWorld>>(() => RecommendationWorld.CreateAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var world in _worlds.Values.Where(w => w.IsValueCreated && w.Value.IsCompletedSuccessfully))
        {
            await world.Value.Result.DisposeAsync();
        }
    }
}
