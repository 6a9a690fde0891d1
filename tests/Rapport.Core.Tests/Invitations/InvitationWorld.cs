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
/// The invitation, routing, block, offer and notification use cases over a <see cref="UseCaseWorld"/>, with a mailbox
/// that records digests. One per test: routing reads everyone, so worlds are not shared.
/// </summary>
public sealed class InvitationWorld : UseCaseWorld
{
    private InvitationWorld(TestDatabase database, RecordingMail mail, SaveBarrier? barrier)
        : base(database, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), register: services =>
        {
            services.AddSingleton<INotificationMail>(mail);
            if (barrier is not null)
            {
                services.AddScoped(_ => barrier.CreateContext(database.Settings));
            }
        })
    {
        Mail = mail;
    }

    public RecordingMail Mail { get; }

    /// <param name="barrier">When given, every use case's saves wait at it (to make two requests race for certain).</param>
    public static async Task<InvitationWorld> CreateAsync(DatabaseProvider provider, SaveBarrier? barrier = null) =>
        new(await TestDatabase.CreateAsync(provider), new RecordingMail(), barrier);

    public Task<Person> PersonAsync(string name, string[]? topics = null, Action<Person>? configure = null) =>
        AddPersonAsync(name, name, topics, configure);

    public async Task<Guid> CommunityAsync(Person host, int invitationsPerProblem, params Person[] members) =>
        (await AddCommunityAsync(host, invitationsPerProblem, members)).Id;

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

    public Task TrustAsync(Person from, Person to, TrustVisibility visibility = TrustVisibility.Public, string? topic = null) =>
        RunAsync(async (StateTrust uc) =>
        {
            var stated = await uc.ExecuteAsync(from.Id, new TrustStatementInput(to.Handle, TrustLevel.ALot.Value, topic, visibility, null, null), Ct);
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
