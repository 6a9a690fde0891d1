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
public sealed class ProblemWorld : UseCaseWorld
{
    private ProblemWorld(TestDatabase database)
        : base(database, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public static async Task<ProblemWorld> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public Task<Person> PersonAsync() => AddPersonAsync("pr");

    /// <summary>A community with these members (the first is its host); answers its slug.</summary>
    public async Task<string> CommunityAsync(params Person[] members) =>
        (await AddCommunityAsync(members[0], Community.DefaultInvitationsPerProblem, members[1..])).Slug;

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
}

/// <summary>One <see cref="ProblemWorld"/> per provider for a test class, made on first use.</summary>
public sealed class ProblemWorlds() : UseCaseWorlds<ProblemWorld>(ProblemWorld.CreateAsync);
