using Microsoft.EntityFrameworkCore;
using Rapport.Core.Dialogue;
using Rapport.Core.Interactions;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Problems;

public sealed class DialogueTests(ProblemWorlds worlds) : IClassFixture<ProblemWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TheFirstContributionBySomeoneElse_StartsTheDialogue_AndRecordsAnAnswer(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var problem = await world.PostAsync(asker, "Leaking hull");

        await world.ContributeAsync(asker, problem.Id, "More context: it leaks at the keel.");
        var afterOwn = await Status(world, asker.Id, problem.Id);
        await world.ContributeAsync(helper, problem.Id, "Check the keel bolts.");
        await world.ContributeAsync(helper, problem.Id, "And the seacocks.");

        Assert.Equal(ProblemStatus.Open, afterOwn);
        Assert.Equal(ProblemStatus.InDialogue, await Status(world, asker.Id, problem.Id));
        var answers = await world.ReadAsync(db => db.Interactions
            .Where(i => i.ProblemId == problem.Id).Select(i => new { i.FromId, i.ToId, i.Kind }).ToListAsync(Ct));
        Assert.Equal([new { FromId = helper.Id, ToId = asker.Id, Kind = InteractionKind.Answered }], answers);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Replies_AreThreadedWithTheirQuotes_AndPerspectivesAreKeptByName(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var one = await world.PersonAsync();
        var two = await world.PersonAsync();
        var problem = await world.PostAsync(asker, "Where to moor in winter");
        var first = await world.ContributeAsync(one, problem.Id, "The east basin is sheltered from storms.");
        var second = await world.ContributeAsync(two, problem.Id, "Try the marina.");
        var reply = await world.ContributeAsync(asker, problem.Id, "Is it deep enough?", first.Id, "sheltered from storms");
        var perspectives = new[]
        {
            (one, "The harbour master's view", "Safety first."),
            (two, "the  harbour master's VIEW", "Fees matter too."),
            (two, "A sailor's view", "Close to the club."),
        };
        foreach (var (who, name, body) in perspectives)
        {
            world.Clock.Advance(TimeSpan.FromSeconds(1));
            var added = await world.RunAsync((Contribute uc) => uc.ExecuteAsync(
                who.Id, problem.Id, new ContributionInput(ContributionKind.Perspective, body, PerspectiveName: name), Ct));
            Assert.True(added.Succeeded, ProblemWorld.Describe(added));
        }

        var view = (await world.RunAsync((GetProblem uc) => uc.ExecuteAsync(two.Id, problem.Id, Ct))).Value!;

        Assert.Equal([first.Id, reply.Id, second.Id], view.Dialogue.Take(3).Select(c => c.Id));
        Assert.Equal([0, 1, 0], view.Dialogue.Take(3).Select(c => c.Depth));
        Assert.Equal("sheltered from storms", view.Dialogue[1].QuotedText);
        Assert.Equal(["The harbour master's view", "A sailor's view"], view.Perspectives.Select(p => p.Name));
        Assert.Equal(2, view.Perspectives[0].ContributionIds.Count);
        Assert.Equal(6, view.Summary.ContributionCount);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task BadContributions_AnswerFieldErrorsAndStoreNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var problem = await world.PostAsync(asker, "Engine will not start");
        var elsewhere = await world.PostAsync(asker, "Another problem");
        var parent = await world.ContributeAsync(asker, problem.Id, "It clicks once.");
        var foreign = await world.ContributeAsync(asker, elsewhere.Id, "Unrelated.");

        async Task<Outcome<ContributionView>> Try(ContributionInput input) =>
            await world.RunAsync((Contribute uc) => uc.ExecuteAsync(helper.Id, problem.Id, input, Ct));

        var cases = new (ContributionInput Input, string Field)[]
        {
            (new ContributionInput(ContributionKind.Reply, "  "), "body"),
            (new ContributionInput((ContributionKind)9, "x"), "kind"),
            (new ContributionInput(ContributionKind.Artefact, "", Url: "javascript:alert(1)"), "url"),
            (new ContributionInput(ContributionKind.Reply, "x", Url: "https://example.org"), "url"),
            (new ContributionInput(ContributionKind.Perspective, "x"), "perspectiveName"),
            (new ContributionInput(ContributionKind.Reply, "x", Quote: "clicks"), "quote"),
            (new ContributionInput(ContributionKind.Reply, "x", ReplyTo: foreign.Id), "replyTo"),
            (new ContributionInput(ContributionKind.Reply, "x", ReplyTo: parent.Id, Quote: "it whistles"), "quote"),
        };
        foreach (var (input, field) in cases)
        {
            var refused = await Try(input);
            Assert.Equal(OutcomeKind.Invalid, refused.Kind);
            Assert.Contains(field, refused.Errors.ToDictionary().Keys);
        }

        Assert.Equal(0, await world.ReadAsync(db => db.Contributions.CountAsync(c => c.AuthorId == helper.Id, Ct)));
        Assert.Equal(ProblemStatus.Open, await Status(world, asker.Id, problem.Id));
        var artefact = await Try(new ContributionInput(ContributionKind.Artefact, "", Url: "https://example.org/manual.pdf"));
        Assert.True(artefact.Succeeded, ProblemWorld.Describe(artefact));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Contributing_ToAnEndedOrInvisibleProblem_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var ended = await world.PostAsync(asker, "Already solved");
        var hidden = await world.PostAsync(asker, "Invited only", visibility: ProblemVisibility.Invited);
        await using (var db = world.Database.CreateContext())
        {
            var problem = await db.Problems.SingleAsync(p => p.Id == ended.Id, Ct);
            Assert.Null(problem.Close(world.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }

        var input = new ContributionInput(ContributionKind.Reply, "Here is how.");
        var toEnded = await world.RunAsync((Contribute uc) => uc.ExecuteAsync(helper.Id, ended.Id, input, Ct));
        var toHidden = await world.RunAsync((Contribute uc) => uc.ExecuteAsync(helper.Id, hidden.Id, input, Ct));

        Assert.Equal(OutcomeKind.Conflict, toEnded.Kind);
        Assert.Equal(ProblemLifecycle.Describe(ProblemRefusal.Ended), toEnded.Detail);
        Assert.Equal(OutcomeKind.NotFound, toHidden.Kind);
        Assert.Equal(0, await world.ReadAsync(db => db.Contributions.CountAsync(c => c.AuthorId == helper.Id, Ct)));
        Assert.Equal(ProblemStatus.Closed, await Status(world, asker.Id, ended.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Thanks_AreOncePerPerson_NeverForOneself_AndRecordAnInteraction(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var problem = await world.PostAsync(asker, "Sail repair");
        var hidden = await world.PostAsync(asker, "Private sail repair", visibility: ProblemVisibility.Invited);
        var answer = await world.ContributeAsync(helper, problem.Id, "Use sail tape.");
        var hiddenAnswer = await world.ContributeAsync(asker, hidden.Id, "Note to self.");

        async Task<Outcome<Thanked>> Thank(Guid person, Guid problemId, Guid contribution) =>
            await world.RunAsync((ThankContribution uc) => uc.ExecuteAsync(person, problemId, contribution, Ct));

        var first = await Thank(asker.Id, problem.Id, answer.Id);
        var again = await Thank(asker.Id, problem.Id, answer.Id);
        var own = await Thank(helper.Id, problem.Id, answer.Id);
        var invisible = await Thank(stranger.Id, hidden.Id, hiddenAnswer.Id);
        var wrongProblem = await Thank(stranger.Id, hidden.Id, answer.Id);

        Assert.Equal(1, first.Value?.ThanksCount);
        Assert.Equal((OutcomeKind.Conflict, ThankContribution.AlreadyThanked), (again.Kind, again.Detail));
        Assert.Equal((OutcomeKind.Conflict, ThankContribution.OwnContribution), (own.Kind, own.Detail));
        Assert.Equal(OutcomeKind.NotFound, invisible.Kind);
        Assert.Equal(OutcomeKind.NotFound, wrongProblem.Kind);
        var thanked = await world.ReadAsync(db => db.Interactions
            .Where(i => i.Kind == InteractionKind.Thanked && i.ContributionId == answer.Id).Select(i => new { i.FromId, i.ToId }).ToListAsync(Ct));
        Assert.Equal([new { FromId = asker.Id, ToId = helper.Id }], thanked);
        var view = (await world.RunAsync((GetProblem uc) => uc.ExecuteAsync(asker.Id, problem.Id, Ct))).Value!;
        Assert.Equal((1, true), (view.Dialogue[0].ThanksCount, view.Dialogue[0].ThankedByMe));
    }

    private static async Task<ProblemStatus> Status(ProblemWorld world, Guid viewer, Guid problemId) =>
        (await world.RunAsync((GetProblem uc) => uc.ExecuteAsync(viewer, problemId, TestContext.Current.CancellationToken))).Value!.Summary.Status;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Contributions_Replies_AndThanks_NotifyTheOtherPeopleOnce_NeverTheActor(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var third = await world.PersonAsync();
        var problem = await world.PostAsync(asker, "Sail torn at the leech");
        var first = await world.ContributeAsync(helper, problem.Id, "Patch it with sailcloth tape.");
        await world.ContributeAsync(third, problem.Id, "Tape holds a week at most.", first.Id, "sailcloth tape");
        await world.ContributeAsync(asker, problem.Id, "Thank you both.");
        var thanked = await world.RunAsync((ThankContribution uc) => uc.ExecuteAsync(asker.Id, problem.Id, first.Id, Ct));

        Assert.True(thanked.Succeeded, ProblemWorld.Describe(thanked));
        var notices = await world.ReadAsync(db => db.Notifications
            .Where(n => n.ProblemId == problem.Id && n.Kind != NotificationKind.InvitationReceived)
            .Select(n => new { n.PersonId, n.Kind, n.Link }).ToListAsync(Ct));
        var expected = new[]
        {
            (asker.Id, NotificationKind.ContributionPosted), (asker.Id, NotificationKind.ContributionPosted),
            (helper.Id, NotificationKind.ReplyPosted), (helper.Id, NotificationKind.Thanked),
        };
        Assert.Equal(expected.Order(), notices.Select(n => (n.PersonId, n.Kind)).Order());
        Assert.All(notices, n => Assert.StartsWith($"/problems/{problem.Id}#c-", n.Link, StringComparison.Ordinal));
    }
}
