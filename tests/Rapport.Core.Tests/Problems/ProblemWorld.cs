using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.Dialogue;
using Rapport.Core.Invitations;
using Rapport.Core.Markdown;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Problems;

/// <summary>
/// A real database and the problem and dialogue use cases wired as the host wires them, one DI scope per call. Tests
/// share it and stay apart with unique people, communities and words.
/// </summary>
public sealed class ProblemWorld : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ProblemWorld(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped(_ => database.CreateContext());
        services.AddLogging();
        services.AddAccounts(new ConfigurationBuilder().Build());
        services.AddCommunities();
        services.AddTrust();
        services.AddNotifications();
        services.AddInvitations();
        services.AddProblems();
        _services = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ProblemWorld> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

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

    public async Task<Person> PersonAsync()
    {
        await using var db = Database.CreateContext();
        var handle = TestPeople.UniqueHandle("pr");
        var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test", CreatedAt = Clock.GetUtcNow() };
        var person = new Person { AccountId = account.Id, Handle = handle, DisplayName = $"Person {handle}", JoinedAt = Clock.GetUtcNow() };
        db.Users.Add(account);
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return person;
    }

    /// <summary>A community with these members (the first is its host); answers its slug.</summary>
    public async Task<string> CommunityAsync(params Person[] members)
    {
        await using var db = Database.CreateContext();
        var slug = $"c-{Guid.NewGuid():N}"[..20];
        var community = new Community { Slug = slug, Name = $"Community {slug}", CreatedAt = Clock.GetUtcNow() };
        community.Memberships.AddRange(members.Select((m, i) => new Membership
        {
            PersonId = m.Id, Role = i == 0 ? CommunityRole.Host : CommunityRole.Member, JoinedAt = Clock.GetUtcNow(),
        }));
        db.Communities.Add(community);
        await db.SaveChangesAsync(Ct);
        return slug;
    }

    public async Task<ProblemSummary> PostAsync(
        Person author, string title, string body = "", ProblemVisibility visibility = ProblemVisibility.Public, string? community = null,
        params string[] topics)
    {
        Clock.Advance(TimeSpan.FromSeconds(1)); // "newest first" has an order to find
        var posted = await RunAsync((PostProblem uc) => uc.ExecuteAsync(
            author.Id, new ProblemInput(ProblemKind.Question, title, body, topics, null, community, visibility), Ct));
        Assert.True(posted.Succeeded, Describe(posted));
        return posted.Value!;
    }

    public async Task<ContributionView> ContributeAsync(Person author, Guid problemId, string body, Guid? replyTo = null, string? quote = null)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        var added = await RunAsync((Contribute uc) => uc.ExecuteAsync(
            author.Id, problemId, new ContributionInput(ContributionKind.Reply, body, ReplyTo: replyTo, Quote: quote), Ct));
        Assert.True(added.Succeeded, Describe(added));
        return added.Value!;
    }

    /// <summary>Invites <paramref name="invitee"/> directly (the invitations feature's use cases live elsewhere).</summary>
    public async Task InviteAsync(Guid problemId, Person asker, Person invitee, InvitationStatus status = InvitationStatus.Pending)
    {
        await using var db = Database.CreateContext();
        db.Invitations.Add(new Invitation
        {
            ProblemId = problemId, InviteeId = invitee.Id, InvitedById = asker.Id, Source = InvitationSource.ByHand,
            Reason = "Asked by hand.", Status = status, CreatedAt = Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(Ct);
    }

    public static string Describe<T>(Outcome<T> outcome) =>
        $"{outcome.Kind}: {outcome.Detail} {string.Join("; ", outcome.Errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>One <see cref="ProblemWorld"/> per provider for a test class, made on first use.</summary>
public sealed class ProblemWorlds : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<ProblemWorld>>> _worlds = new();

    public Task<ProblemWorld> ForAsync(DatabaseProvider provider) =>
        _worlds.GetOrAdd(provider, p => new Lazy<Task<ProblemWorld>>(() => ProblemWorld.CreateAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var world in _worlds.Values.Where(w => w.IsValueCreated && w.Value.IsCompletedSuccessfully))
        {
            await world.Value.Result.DisposeAsync();
        }
    }
}
