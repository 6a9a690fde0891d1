using Microsoft.EntityFrameworkCore;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.Notifications;
using Rapport.Core.Offers;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Testing;

namespace Rapport.Core.Tests.Invitations;

/// <summary>Offers and the one-tap "ask again".</summary>
public sealed class OfferTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly OfferInput Rigging = new("Rigging checks", "I check **standing rigging**.", "Small boat owners", "Helsinki harbour", ["Sailing", "rigging", "sailing"], null);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Offers_AreCreatedEditedListedAndDeleted_PausedOnesOnlyForTheirProvider(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var rigger = await world.PersonAsync("rigger");
        var viewer = await world.PersonAsync("viewer");

        var invalid = await world.RunAsync((CreateOffer uc) => uc.ExecuteAsync(rigger.Id, Rigging with { Title = " ", Topics = ["not a topic!"] }, Ct));
        var created = await world.RunAsync((CreateOffer uc) => uc.ExecuteAsync(rigger.Id, Rigging, Ct));
        Assert.Equal(OutcomeKind.Invalid, invalid.Kind);
        Assert.Equal(["rigging", "sailing"], created.Value!.Topics);
        Assert.Contains("<strong>standing rigging</strong>", created.Value.DescriptionHtml, StringComparison.Ordinal);

        var byOther = await world.RunAsync((EditOffer uc) => uc.ExecuteAsync(viewer.Id, created.Value.Id, Rigging with { Title = "Mine now" }, Ct));
        var paused = await world.RunAsync((EditOffer uc) => uc.ExecuteAsync(rigger.Id, created.Value.Id, Rigging with { Topics = ["rigging"], IsActive = false }, Ct));
        Assert.Equal(OutcomeKind.NotFound, byOther.Kind);
        Assert.Equal(["rigging"], paused.Value!.Topics);

        var seenByViewer = await world.RunAsync((ListOffers uc) => uc.ExecuteAsync(viewer.Id, rigger.Handle, Ct));
        var seenByRigger = await world.RunAsync((ListOffers uc) => uc.ExecuteAsync(rigger.Id, null, Ct));
        var single = await world.RunAsync((GetOffer uc) => uc.ExecuteAsync(viewer.Id, created.Value.Id, Ct));
        Assert.Empty(seenByViewer.Value!);
        Assert.Single(seenByRigger.Value!);
        Assert.Equal(OutcomeKind.NotFound, single.Kind);

        var deleteByOther = await world.RunAsync((DeleteOffer uc) => uc.ExecuteAsync(viewer.Id, created.Value.Id, Ct));
        var deleted = await world.RunAsync((DeleteOffer uc) => uc.ExecuteAsync(rigger.Id, created.Value.Id, Ct));
        Assert.Equal(OutcomeKind.NotFound, deleteByOther.Kind);
        Assert.True(deleted.Succeeded);
        Assert.Empty((await world.RunAsync((ListOffers uc) => uc.ExecuteAsync(rigger.Id, null, Ct))).Value!);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AskAgain_NeedsARelationship_AndMakesAnInvitedOnlyRequestStraightToTheProvider(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var rigger = await world.PersonAsync("rigger");
        var client = await world.PersonAsync("client");
        var onlyInvited = await world.PersonAsync("invited");
        var blocker = await world.PersonAsync("blocker");
        var offer = (await world.RunAsync((CreateOffer uc) => uc.ExecuteAsync(rigger.Id, Rigging, Ct))).Value!;
        await world.InteractAsync(onlyInvited, rigger, InteractionKind.Invited);
        await world.InteractAsync(rigger, client, InteractionKind.Answered);
        await world.InteractAsync(blocker, rigger, InteractionKind.Credited);
        await world.BlockAsync(rigger, blocker);

        var stranger = await world.RunAsync((AskAgain uc) => uc.ExecuteAsync(onlyInvited.Id, offer.Id, null, Ct));
        var own = await world.RunAsync((AskAgain uc) => uc.ExecuteAsync(rigger.Id, offer.Id, null, Ct));
        var acrossBlock = await world.RunAsync((AskAgain uc) => uc.ExecuteAsync(blocker.Id, offer.Id, null, Ct));
        Assert.Equal(OutcomeKind.Conflict, stranger.Kind);
        Assert.Equal(OutcomeKind.Conflict, own.Kind);
        Assert.Equal(OutcomeKind.Conflict, acrossBlock.Kind);
        Assert.False((await world.RunAsync((GetOffer uc) => uc.ExecuteAsync(onlyInvited.Id, offer.Id, Ct))).Value!.CanAskAgain);
        Assert.True((await world.RunAsync((GetOffer uc) => uc.ExecuteAsync(client.Id, offer.Id, Ct))).Value!.CanAskAgain);

        var asked = await world.RunAsync((AskAgain uc) => uc.ExecuteAsync(client.Id, offer.Id, null, Ct));

        Assert.True(asked.Succeeded, InvitationWorld.Describe(asked));
        var problem = await world.ReadAsync(db => db.Problems.Include(p => p.Topics).SingleAsync(p => p.Id == asked.Value!.ProblemId, Ct));
        Assert.Equal((ProblemKind.Request, ProblemVisibility.Invited, offer.Id), (problem.Kind, problem.Visibility, problem.OfferId));
        Assert.Equal(["rigging", "sailing"], problem.Topics.Select(t => t.Topic).Order());
        Assert.Equal((InvitationSource.AskAgain, rigger.Handle, offer.Title), (asked.Value!.Invitation.Source, asked.Value.Invitation.Invitee.Handle, asked.Value.Invitation.Why.Offer));
        Assert.Contains(problem.Id, await world.VisibleProblemsAsync(rigger));
        Assert.DoesNotContain(problem.Id, await world.VisibleProblemsAsync(onlyInvited));
        Assert.Equal(NotificationKind.AskedAgain, Assert.Single((await world.InboxAsync(rigger)).Items).Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AskAgain_GoesThroughThePostingRules_TheDailyLimitAndValidation_AndChangesNothingWhenRefused(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var rigger = await world.PersonAsync("rigger");
        var client = await world.PersonAsync("client");
        var offer = (await world.RunAsync((CreateOffer uc) => uc.ExecuteAsync(rigger.Id, Rigging, Ct))).Value!;
        await world.InteractAsync(rigger, client, InteractionKind.Answered);
        var post = new ProblemInput(ProblemKind.Question, "Which knot holds?", "", ["knots"], null, null, ProblemVisibility.Public);

        var badText = await world.RunAsync((AskAgain uc) => uc.ExecuteAsync(client.Id, offer.Id, new string('x', Problem.BodyMaxLength + 1), Ct));
        for (var posted = 1; posted < Problem.MaxPostedPerDay; posted++)
        {
            Assert.True((await world.RunAsync((PostProblem uc) => uc.ExecuteAsync(client.Id, post, Ct))).Succeeded);
        }

        var last = await world.RunAsync((AskAgain uc) => uc.ExecuteAsync(client.Id, offer.Id, "Once more, please.", Ct));
        var countBefore = await world.ReadAsync(db => db.Problems.CountAsync(p => p.AuthorId == client.Id, Ct));
        var overByAsking = await world.RunAsync((AskAgain uc) => uc.ExecuteAsync(client.Id, offer.Id, null, Ct));
        var overByPosting = await world.RunAsync((PostProblem uc) => uc.ExecuteAsync(client.Id, post, Ct));

        Assert.Equal(OutcomeKind.Invalid, badText.Kind);
        Assert.NotEmpty(badText.Errors.For("text"));
        Assert.True(last.Succeeded, InvitationWorld.Describe(last));
        Assert.Equal(Problem.MaxPostedPerDay, countBefore);
        Assert.Equal((OutcomeKind.Conflict, OutcomeKind.Conflict), (overByAsking.Kind, overByPosting.Kind));
        Assert.Equal(overByPosting.Detail, overByAsking.Detail);
        Assert.Equal(countBefore, await world.ReadAsync(db => db.Problems.CountAsync(p => p.AuthorId == client.Id, Ct)));
        Assert.Single(await world.ReadAsync(db => db.Invitations.Where(i => i.InviteeId == rigger.Id).ToListAsync(Ct)));

        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await world.RunAsync((AskAgain uc) => uc.ExecuteAsync(client.Id, offer.Id, null, Ct))).Succeeded);
    }
}
