using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Invitations;
using Rapport.Core.Interactions;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Resolutions;
using Rapport.Testing;

namespace Rapport.Core.Tests.Agreements;

public sealed class ResolutionTests(ProblemChainWorlds worlds) : IClassFixture<ProblemChainWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Resolve_CreditsEveryCitedContributor_AndTheReferrersWhoLedToThem(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var referrer = await world.PersonAsync();
        var referred = await world.PersonAsync();
        var other = await world.PersonAsync();
        var uncited = await world.PersonAsync();
        var problem = await world.ProblemAsync(asker, ProblemVisibility.Invited);
        var first = await world.InviteAsync(problem, referrer, asker, InvitationStatus.Referred);
        var referral = await world.InviteAsync(problem, referred, referrer, InvitationStatus.Accepted, referredFrom: first);
        await world.InviteAsync(problem, other, asker, InvitationStatus.Accepted);
        await world.InviteAsync(problem, uncited, asker, InvitationStatus.Accepted);
        var byReferred = await world.ContributionAsync(problem, referred, "Use epoxy.");
        var byOther = await world.ContributionAsync(problem, other, "Dry it first.");
        var byOtherAgain = await world.ContributionAsync(problem, other, "And sand it.");
        await world.ContributionAsync(problem, uncited, "Buy a new boat.");
        var byAsker = await world.ContributionAsync(problem, asker, "Photos attached.");

        var resolved = await world.ResolveAsync(asker, problem, byReferred, byOther, byOtherAgain, byAsker);

        Assert.True(resolved.Succeeded, ProblemChainWorld.Describe(resolved));
        (string, CreditKind, Guid?, Guid?)[] expected =
        [
            (referred.Handle, CreditKind.Contribution, byReferred, null), (other.Handle, CreditKind.Contribution, byOther, null),
            (other.Handle, CreditKind.Contribution, byOtherAgain, null), (referrer.Handle, CreditKind.Referral, null, referral),
        ];
        Assert.Equal(expected.Order(), resolved.Value!.Credits.Select(c => (c.Person.Handle, c.Kind, c.ContributionId, c.InvitationId)).Order());
        Assert.Equal(ProblemStatus.Resolved, await world.StatusAsync(problem));
        var credited = await world.ReadAsync(db => db.Interactions.Where(i => i.ProblemId == problem && i.Kind == InteractionKind.Credited)
            .Select(i => new { i.FromId, i.ToId }).ToListAsync(Ct));
        Assert.Equal(4, credited.Count);
        Assert.All(credited, i => Assert.Equal(asker.Id, i.FromId));
        var notified = await world.ReadAsync(db => db.Notifications.Where(n => n.ProblemId == problem && n.Kind == NotificationKind.Credited)
            .Select(n => n.PersonId).ToListAsync(Ct));
        Assert.Equal(new[] { referrer.Id, referred.Id, other.Id }.Order(), notified.Order());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task BadResolutions_AreRefusedWithClearErrors_AndChangeNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var problem = await world.ProblemAsync(asker);
        var hidden = await world.ProblemAsync(asker, ProblemVisibility.Invited);
        var contribution = await world.ContributionAsync(problem, helper);
        var elsewhere = await world.ContributionAsync(await world.ProblemAsync(helper), asker);
        var before = await world.FingerprintAsync(problem);

        async Task Refused<T>(Task<Outcome<T>> step, OutcomeKind kind, string expected)
        {
            var outcome = await step;
            Assert.Equal(kind, outcome.Kind);
            Assert.Contains(expected, outcome.Detail ?? string.Join(" ", outcome.Errors.ToDictionary().SelectMany(e => e.Value)), StringComparison.Ordinal);
            Assert.Equal(before, await world.FingerprintAsync(problem));
        }

        await Refused(world.ResolveAsync(stranger, problem, contribution), OutcomeKind.Conflict, "Only the asker, or a host of its community");
        await Refused(world.ResolveAsync(stranger, hidden, contribution), OutcomeKind.NotFound, "");
        await Refused(world.ResolveAsync(asker, problem, elsewhere), OutcomeKind.Invalid, "Cite only contributions to this problem");
        await Refused(world.ResolveAsync(asker, problem), OutcomeKind.Invalid, "Cite at least one contribution");
        await Refused(world.RunAsync((CloseProblem uc) => uc.ExecuteAsync(asker.Id, problem, "  ", Ct)), OutcomeKind.Invalid, "The outcome is required");
        await Refused(world.RunAsync((ReopenProblem uc) => uc.ExecuteAsync(asker.Id, problem, Ct)), OutcomeKind.Conflict, "Only a resolved or closed problem can be reopened");

        Assert.True((await world.ResolveAsync(asker, problem, contribution)).Succeeded);
        before = await world.FingerprintAsync(problem);
        await Refused(world.ResolveAsync(asker, problem, contribution), OutcomeKind.Conflict, "This problem has ended");
        await Refused(world.RunAsync((CloseProblem uc) => uc.ExecuteAsync(asker.Id, problem, "Done", Ct)), OutcomeKind.Conflict, "This problem has ended");
        await Refused(world.ProposeAsync(asker, problem, helper), OutcomeKind.Conflict, "This problem has ended");

        var open = await world.ProblemAsync(asker);
        var alone = await world.ContributionAsync(open, asker);
        Assert.Contains("Nobody else has contributed yet", (await world.ResolveAsync(asker, open, alone)).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AHostResolvesACommunityProblem_ReopeningKeepsEarlierResolutions_AndClosingCreditsNobody(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var community = await world.CommunityAsync(host, asker, member);
        var problem = await world.ProblemAsync(asker, ProblemVisibility.Community, community);
        var contribution = await world.ContributionAsync(problem, member);

        Assert.Equal(OutcomeKind.Conflict, (await world.ResolveAsync(member, problem, contribution)).Kind);
        Assert.True((await world.ResolveAsync(host, problem, contribution)).Succeeded);
        Assert.Equal(ProblemStatus.InDialogue, (await world.RunAsync((ReopenProblem uc) => uc.ExecuteAsync(asker.Id, problem, Ct))).Value);
        var closed = await world.RunAsync((CloseProblem uc) => uc.ExecuteAsync(host.Id, problem, "Moved to the forum.", Ct));
        Assert.Empty(closed.Value!.Credits);

        var listed = (await world.RunAsync((ListResolutions uc) => uc.ExecuteAsync(member.Id, problem, Ct))).Value!;
        Assert.Equal([ResolutionOutcome.Closed, ResolutionOutcome.Resolved], listed.Resolutions.Select(r => r.Outcome));
        Assert.False(listed.ViewerMayEnd);
        Assert.Equal(ProblemStatus.Closed, listed.Status);
        Assert.Equal(
            [NotificationKind.ProblemResolved, NotificationKind.ProblemClosed],
            await world.ReadAsync(db => db.Notifications.Where(n => n.PersonId == asker.Id && n.ProblemId == problem).OrderBy(n => n.CreatedAt).Select(n => n.Kind).ToListAsync(Ct)));
    }
}
