using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.Accounts;
using Rapport.Core.Agreements;
using Rapport.Core.Communities;
using Rapport.Core.Dialogue;
using Rapport.Core.Invitations;
using Rapport.Core.Markdown;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Relationships;
using Rapport.Core.Resolutions;
using Rapport.Core.Tests.Communities;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Agreements;

/// <summary>
/// The agreement, resolution and relationship use cases over a <see cref="UseCaseWorld"/> (the clock moves a second per
/// call). Problems, contributions and invitations are inserted directly, so each test exercises only its own step.
/// Tests share it and stay apart with their own people and problems.
/// </summary>
public sealed class ProblemChainWorld : UseCaseWorld
{
    private ProblemChainWorld(TestDatabase database)
        : base(database, new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), stepPerCall: TimeSpan.FromSeconds(1))
    {
    }

    public static async Task<ProblemChainWorld> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public Task<Person> PersonAsync(string stem = "pc") => AddPersonAsync(stem);

    /// <summary>A community hosted by <paramref name="host"/> with <paramref name="members"/>; returns its id.</summary>
    public async Task<Guid> CommunityAsync(Person host, params Person[] members) =>
        (await AddCommunityAsync(host, Community.DefaultInvitationsPerProblem, members)).Id;

    public async Task<Guid> ProblemAsync(Person author, ProblemVisibility visibility = ProblemVisibility.Public, Guid? communityId = null, string title = "Boat leaks")
    {
        await using var db = Database.CreateContext();
        var problem = new Problem
        {
            Id = Guid.CreateVersion7(), AuthorId = author.Id, Kind = ProblemKind.Problem, Title = title, Body = "It leaks.",
            Visibility = visibility, CommunityId = communityId, CreatedAt = Clock.GetUtcNow(), StatusChangedAt = Clock.GetUtcNow(),
        };
        problem.Topics.Add(new ProblemTopic { Topic = "sailing" });
        problem.Topics.Add(new ProblemTopic { Topic = "boats" });
        db.Problems.Add(problem);
        await db.SaveChangesAsync(Ct);
        return problem.Id;
    }

    /// <summary>A contribution, inserted as PostContribution would leave it (the first by someone else starts the dialogue).</summary>
    public async Task<Guid> ContributionAsync(Guid problemId, Person author, string body = "Try this.")
    {
        await using var db = Database.CreateContext();
        var problem = await db.Problems.SingleAsync(p => p.Id == problemId, Ct);
        if (problem.AuthorId != author.Id && problem.Status == ProblemStatus.Open)
        {
            Assert.Null(problem.StartDialogue(Clock.GetUtcNow()));
        }

        var contribution = new Contribution { Id = Guid.CreateVersion7(), ProblemId = problemId, AuthorId = author.Id, Body = body, CreatedAt = Clock.GetUtcNow() };
        db.Contributions.Add(contribution);
        await db.SaveChangesAsync(Ct);
        return contribution.Id;
    }

    public async Task<Guid> InviteAsync(
        Guid problemId, Person invitee, Person by, InvitationStatus status = InvitationStatus.Pending, Guid? referredFrom = null)
    {
        await using var db = Database.CreateContext();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(), ProblemId = problemId, InviteeId = invitee.Id, InvitedById = by.Id,
            Source = referredFrom is null ? InvitationSource.ByHand : InvitationSource.Referral, ReferredFromId = referredFrom,
            Reason = "why you", Status = status, CreatedAt = Clock.GetUtcNow(),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(Ct);
        return invitation.Id;
    }

    public Task<Outcome<AgreementView>> ProposeAsync(Person by, Guid problemId, Person? helper, string scope = "Patch the hull", decimal? price = null, string? currency = null) =>
        RunAsync((ProposeAgreement uc) => uc.ExecuteAsync(by.Id, problemId, new AgreementProposal(helper?.Handle, scope, "Cash", price, currency, new DateOnly(2026, 3, 1)), Ct));

    /// <summary>An agreement the asker proposed and the helper confirmed.</summary>
    public async Task<AgreementView> AgreedAsync(Person asker, Guid problemId, Person helper)
    {
        var proposed = await ProposeAsync(asker, problemId, helper);
        Assert.True(proposed.Succeeded, Describe(proposed));
        var confirmed = await RunAsync((ConfirmAgreement uc) => uc.ExecuteAsync(helper.Id, problemId, proposed.Value!.Id, Ct));
        Assert.True(confirmed.Succeeded, Describe(confirmed));
        return confirmed.Value!;
    }

    public Task<Outcome<AgreementView>> DeliverAsync(Person by, AgreementView agreement) =>
        RunAsync((DeliverAgreement uc) => uc.ExecuteAsync(by.Id, agreement.ProblemId, agreement.Id, Ct));

    public Task<Outcome<ResolutionView>> ResolveAsync(Person by, Guid problemId, params Guid[] contributions) =>
        RunAsync((ResolveProblem uc) => uc.ExecuteAsync(by.Id, problemId, new ResolutionInput("The patch held.", contributions), Ct));

    public Task<ProblemStatus> StatusAsync(Guid problemId) =>
        ReadAsync(db => db.Problems.Where(p => p.Id == problemId).Select(p => p.Status).SingleAsync(Ct));

    public async Task TrustAsync(Person from, Person to, double value, TrustVisibility visibility, string? topic = null)
    {
        var outcome = await RunAsync((StateTrust uc) => uc.ExecuteAsync(from.Id, new TrustStatementInput(to.Handle, value, topic, visibility, null, null), Ct));
        Assert.True(outcome.Succeeded, Describe(outcome));
    }

    /// <summary>Everything a refused step could have changed, to compare before and after.</summary>
    public Task<string> FingerprintAsync(Guid problemId) => ReadAsync(async db =>
        string.Join("|",
            await db.Problems.Where(p => p.Id == problemId).Select(p => p.Status).SingleAsync(Ct),
            string.Join(",", await db.Agreements.Where(a => a.ProblemId == problemId).OrderBy(a => a.Id)
                .Select(a => a.Status.ToString() + a.AskerConfirmedAt + a.HelperConfirmedAt + a.DeliveredAt).ToListAsync(Ct)),
            await db.Reflections.CountAsync(r => db.Agreements.Any(a => a.Id == r.AgreementId && a.ProblemId == problemId), Ct),
            await db.Resolutions.CountAsync(r => r.ProblemId == problemId, Ct),
            await db.Interactions.CountAsync(i => i.ProblemId == problemId, Ct),
            await db.Notifications.CountAsync(n => n.ProblemId == problemId, Ct)));
}

/// <summary>One <see cref="ProblemChainWorld"/> per provider for a test class, made on first use.</summary>
public sealed class ProblemChainWorlds() : UseCaseWorlds<ProblemChainWorld>(ProblemChainWorld.CreateAsync);
