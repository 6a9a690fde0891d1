using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.Accounts;
using Rapport.Core.Blocks;
using Rapport.Core.Communities;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.Markdown;
using Rapport.Core.Notifications;
using Rapport.Core.Offers;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Trust;
using Rapport.Core.Tests.Communities;
using Rapport.Testing;

namespace Rapport.Core.Tests.Invitations;

/// <summary>
/// A real database with the problem chain's use cases wired as the host wires them (one scope per call), a fake clock and
/// a mailbox that records digests. One per test: routing reads everyone, so worlds are not shared.
/// </summary>
public sealed class InvitationWorld : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InvitationWorld(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped(_ => database.CreateContext());
        services.AddAccounts(new ConfigurationBuilder().Build());
        services.AddCommunities();
        services.AddTrust();
        services.AddNotifications();
        services.AddInvitations();
        services.AddBlocks();
        services.AddOffers();
        services.AddSingleton<INotificationMail>(Mail);
        _services = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public RecordingMail Mail { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<InvitationWorld> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

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

    public async Task WriteAsync(Action<RapportDbContext> write)
    {
        await using var db = Database.CreateContext();
        write(db);
        await db.SaveChangesAsync(Ct);
    }

    public async Task<Person> PersonAsync(string name, string[]? topics = null, Action<Person>? configure = null)
    {
        var handle = TestPeople.UniqueHandle(name);
        var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test", CreatedAt = Clock.GetUtcNow() };
        var person = new Person { AccountId = account.Id, Handle = handle, DisplayName = name, JoinedAt = Clock.GetUtcNow() };
        person.Competences.AddRange((topics ?? []).Select(t => new Competence { Topic = t }));
        configure?.Invoke(person);
        await WriteAsync(db =>
        {
            db.Users.Add(account);
            db.People.Add(person);
        });
        return person;
    }

    public async Task<Guid> CommunityAsync(Person host, int invitationsPerProblem, params Person[] members)
    {
        var community = new Community { Slug = CommunityWorld.UniqueSlug(), Name = "Harbour", CreatedAt = Clock.GetUtcNow(), InvitationsPerProblem = invitationsPerProblem };
        community.Memberships.Add(new Membership { PersonId = host.Id, Role = CommunityRole.Host, JoinedAt = Clock.GetUtcNow() });
        community.Memberships.AddRange(members.Select(m => new Membership { PersonId = m.Id, Role = CommunityRole.Member, JoinedAt = Clock.GetUtcNow() }));
        await WriteAsync(db => db.Communities.Add(community));
        return community.Id;
    }

    public async Task<Problem> ProblemAsync(
        Person author, ProblemVisibility visibility = ProblemVisibility.Public, Guid? communityId = null, string topic = "sailing", string title = "How do I reef a sail?")
    {
        var now = Clock.GetUtcNow();
        var problem = new Problem
        {
            Id = Guid.CreateVersion7(now), AuthorId = author.Id, Kind = ProblemKind.Question, Title = title, Body = "The wind picks up every afternoon.",
            Visibility = visibility, CommunityId = communityId, CreatedAt = now, StatusChangedAt = now,
        };
        problem.Topics.Add(new ProblemTopic { Topic = topic });
        await WriteAsync(db => db.Problems.Add(problem));
        return problem;
    }

    /// <summary>A past invitation with an outcome, on a fresh problem of <paramref name="asker"/>.</summary>
    public async Task PastInvitationAsync(Person asker, Person invitee, InvitationStatus status, TimeSpan ago)
    {
        var problem = await ProblemAsync(asker, title: "An older question");
        await WriteAsync(db => db.Invitations.Add(new Invitation
        {
            Id = Guid.NewGuid(), ProblemId = problem.Id, InviteeId = invitee.Id, InvitedById = asker.Id, Status = status,
            CreatedAt = Clock.GetUtcNow() - ago, RespondedAt = status == InvitationStatus.Pending ? null : Clock.GetUtcNow() - ago,
        }));
    }

    public Task TrustAsync(Person from, Person to, TrustVisibility visibility = TrustVisibility.Public) =>
        RunAsync(async (StateTrust uc) =>
        {
            var stated = await uc.ExecuteAsync(from.Id, new TrustStatementInput(to.Handle, TrustLevel.ALot.Value, null, visibility, null, null), Ct);
            Assert.True(stated.Succeeded, Describe(stated));
            return stated;
        });

    public Task BlockAsync(Person blocker, Person blocked) =>
        RunAsync(async (BlockPerson uc) =>
        {
            var outcome = await uc.ExecuteAsync(blocker.Id, blocked.Handle, Ct);
            Assert.True(outcome.Succeeded, Describe(outcome));
            return outcome;
        });

    public Task InteractAsync(Person from, Person to, InteractionKind kind) =>
        WriteAsync(db => db.Interactions.Add(new Interaction { Id = Guid.NewGuid(), FromId = from.Id, ToId = to.Id, Kind = kind, CreatedAt = Clock.GetUtcNow() }));

    public async Task<IReadOnlyList<InvitationView>> RouteAsync(Person asker, Problem problem)
    {
        var routed = await RunAsync((RouteProblem uc) => uc.ExecuteAsync(asker.Id, problem.Id, Ct));
        Assert.True(routed.Succeeded, Describe(routed));
        return routed.Value!;
    }

    public Task<List<Guid>> VisibleProblemsAsync(Person viewer) =>
        ReadAsync(db => db.Problems.Where(ProblemAccess.CanSee(viewer.Id)).Select(p => p.Id).ToListAsync(Ct));

    public async Task<NotificationPage> InboxAsync(Person person)
    {
        var page = await RunAsync((ListNotifications uc) => uc.ExecuteAsync(person.Id, new PageRequest(), Ct));
        Assert.True(page.Succeeded, Describe(page));
        return page.Value!;
    }

    public static string Describe<T>(Outcome<T> outcome) =>
        $"{outcome.Kind}: {string.Join("; ", outcome.Errors.ToDictionary().SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")))} {outcome.Detail}";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Digests as sent, in order.</summary>
public sealed class RecordingMail : INotificationMail
{
    public List<(string Email, IReadOnlyList<NotificationView> Notices)> Sent { get; } = [];

    public Task SendDigestAsync(string email, string displayName, IReadOnlyList<NotificationView> notices, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.Add((email, notices));
        }

        return Task.CompletedTask;
    }
}
