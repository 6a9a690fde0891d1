using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.Accounts;
using Rapport.Core.Agreements;
using Rapport.Core.Blocks;
using Rapport.Core.Communities;
using Rapport.Core.Invitations;
using Rapport.Core.Markdown;
using Rapport.Core.Notifications;
using Rapport.Core.Offers;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Relationships;
using Rapport.Core.Resolutions;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests;

/// <summary>
/// A real database with the use cases of people, communities, trust and the whole problem chain wired as the host wires
/// them (one scope, so one DbContext, per call) and a fake clock. The problem chain's test worlds build on it and add
/// only their own seeding helpers.
/// </summary>
public abstract class UseCaseWorld : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TimeSpan _stepPerCall;

    /// <param name="stepPerCall">How far the clock moves before each use case runs (zero: it moves only when a test says so).</param>
    protected UseCaseWorld(TestDatabase database, DateTimeOffset start, TimeSpan stepPerCall = default, Action<IServiceCollection>? register = null)
    {
        Database = database;
        Clock = new FakeTimeProvider(start);
        _stepPerCall = stepPerCall;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped(_ => database.CreateContext());
        services.AddAccounts(new ConfigurationBuilder().Build());
        services.AddCommunities();
        services.AddTrust();
        services.AddNotifications();
        services.AddProblems();
        services.AddInvitations();
        services.AddBlocks();
        services.AddOffers();
        services.AddAgreements().AddResolutions().AddRelationships();
        register?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The world's services, for singletons a test inspects (use cases go through <see cref="RunAsync"/>).</summary>
    protected IServiceProvider Services => _services;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<TResult> RunAsync<TUseCase, TResult>(Func<TUseCase, Task<TResult>> act)
        where TUseCase : notnull
    {
        Clock.Advance(_stepPerCall);
        await using var scope = _services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public async Task<T> ReadAsync<T>(Func<RapportDbContext, Task<T>> read)
    {
        await using var db = Database.CreateContext();
        return await read(db);
    }

    public async Task WriteAsync(Action<RapportDbContext> write)
    {
        await using var db = Database.CreateContext();
        write(db);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A person with a unique handle made from <paramref name="stem"/>, named <paramref name="displayName"/> (or "Person {handle}").</summary>
    protected async Task<Person> AddPersonAsync(string stem, string? displayName = null, string[]? topics = null, Action<Person>? configure = null)
    {
        var handle = TestPeople.UniqueHandle(stem);
        var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test", CreatedAt = Clock.GetUtcNow() };
        var person = new Person { AccountId = account.Id, Handle = handle, DisplayName = displayName ?? $"Person {handle}", JoinedAt = Clock.GetUtcNow() };
        person.Competences.AddRange((topics ?? []).Select(t => new Competence { Topic = t }));
        configure?.Invoke(person);
        await WriteAsync(db =>
        {
            db.Users.Add(account);
            db.People.Add(person);
        });
        return person;
    }

    /// <summary>A community hosted by <paramref name="host"/> with <paramref name="members"/>.</summary>
    protected async Task<Community> AddCommunityAsync(Person host, int invitationsPerProblem, params Person[] members)
    {
        var community = new Community
        {
            Slug = Communities.CommunityWorld.UniqueSlug(), Name = "Harbour", CreatedAt = Clock.GetUtcNow(), InvitationsPerProblem = invitationsPerProblem,
        };
        community.Memberships.Add(new Membership { PersonId = host.Id, Role = CommunityRole.Host, JoinedAt = Clock.GetUtcNow() });
        community.Memberships.AddRange(members.Select(m => new Membership { PersonId = m.Id, Role = CommunityRole.Member, JoinedAt = Clock.GetUtcNow() }));
        await WriteAsync(db => db.Communities.Add(community));
        return community;
    }

    public static string Describe<T>(Outcome<T> outcome) =>
        $"{outcome.Kind}: {string.Join("; ", outcome.Errors.ToDictionary().SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")))} {outcome.Detail}";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One world per provider for a test class, made on first use (tests stay apart with their own people).</summary>
public abstract class UseCaseWorlds<TWorld>(Func<DatabaseProvider, Task<TWorld>> create) : IAsyncDisposable
    where TWorld : UseCaseWorld
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<TWorld>>> _worlds = new();

    public Task<TWorld> ForAsync(DatabaseProvider provider) =>
        _worlds.GetOrAdd(provider, p => new Lazy<Task<TWorld>>(() => create(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var world in _worlds.Values.Where(w => w.IsValueCreated && w.Value.IsCompletedSuccessfully))
        {
            await world.Value.Result.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
