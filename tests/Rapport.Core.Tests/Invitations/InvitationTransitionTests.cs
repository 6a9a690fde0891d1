using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Invitations;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Testing;

namespace Rapport.Core.Tests.Invitations;

/// <summary>Each move of an invitation, who may make it, and what is refused.</summary>
public sealed class InvitationTransitionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Accept_OnlyByTheInvitee_Once_AndTellsTheAsker(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var invitee = await world.PersonAsync("invitee");
        var other = await world.PersonAsync("other");
        var problem = await world.ProblemAsync(asker, ProblemVisibility.Invited);
        var invitation = await InviteAsync(world, asker, problem, invitee);
        Assert.Contains(problem.Id, await world.VisibleProblemsAsync(invitee));

        var stolen = await world.RunAsync((AcceptInvitation uc) => uc.ExecuteAsync(other.Id, invitation.Id, Ct));
        var accepted = await world.RunAsync((AcceptInvitation uc) => uc.ExecuteAsync(invitee.Id, invitation.Id, Ct));
        var twice = await world.RunAsync((AcceptInvitation uc) => uc.ExecuteAsync(invitee.Id, invitation.Id, Ct));
        var thenDecline = await world.RunAsync((DeclineInvitation uc) => uc.ExecuteAsync(invitee.Id, invitation.Id, null, Ct));

        Assert.Equal(OutcomeKind.NotFound, stolen.Kind);
        Assert.Equal(InvitationStatus.Accepted, accepted.Value!.Status);
        Assert.Equal(OutcomeKind.Conflict, twice.Kind);
        Assert.Equal("You already accepted this invitation.", twice.Detail);
        Assert.Equal(OutcomeKind.Conflict, thenDecline.Kind);
        var notice = Assert.Single((await world.InboxAsync(asker)).Items);
        Assert.Equal(NotificationKind.InvitationAnswered, notice.Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Decline_KeepsTheNote_AndRefusesATooLongOne(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var invitee = await world.PersonAsync("invitee");
        var invitation = await InviteAsync(world, asker, await world.ProblemAsync(asker), invitee);

        var tooLong = await world.RunAsync((DeclineInvitation uc) => uc.ExecuteAsync(invitee.Id, invitation.Id, new string('x', Invitation.ResponseNoteMaxLength + 1), Ct));
        var declined = await world.RunAsync((DeclineInvitation uc) => uc.ExecuteAsync(invitee.Id, invitation.Id, " Not my field. ", Ct));

        Assert.Equal(OutcomeKind.Invalid, tooLong.Kind);
        Assert.Equal(InvitationStatus.Declined, declined.Value!.Status);
        Assert.Equal("Not my field.", declined.Value.ResponseNote);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Refer_KeepsTheChain_AndRefusesBlockedPeople_OutsidersAndDuplicates(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var invitee = await world.PersonAsync("invitee");
        var friend = await world.PersonAsync("friend");
        var blocksReferrer = await world.PersonAsync("blocksref");
        var blockedByAsker = await world.PersonAsync("blockedask");
        var outsider = await world.PersonAsync("outsider");
        var alsoInvited = await world.PersonAsync("also");
        var community = await world.CommunityAsync(asker, 3, invitee, friend, blocksReferrer, blockedByAsker, alsoInvited);
        await world.BlockAsync(blocksReferrer, invitee);
        await world.BlockAsync(asker, blockedByAsker);
        var problem = await world.ProblemAsync(asker, ProblemVisibility.Community, community);
        var invitation = await InviteAsync(world, asker, problem, invitee);

        async Task<Outcome<InvitationView>> Refer(string handle) =>
            await world.RunAsync((ReferInvitation uc) => uc.ExecuteAsync(invitee.Id, invitation.Id, handle, "She knows this well.", Ct));

        Assert.Equal(OutcomeKind.Invalid, (await Refer(blocksReferrer.Handle)).Kind);
        Assert.Equal(OutcomeKind.Invalid, (await Refer(blockedByAsker.Handle)).Kind);
        Assert.Equal(OutcomeKind.Invalid, (await Refer(outsider.Handle)).Kind);
        Assert.Equal(OutcomeKind.Invalid, (await Refer(asker.Handle)).Kind);
        Assert.Equal(OutcomeKind.Invalid, (await Refer(invitee.Handle)).Kind);
        await InviteAsync(world, asker, problem, alsoInvited);
        Assert.Equal(OutcomeKind.Conflict, (await Refer(alsoInvited.Handle)).Kind);
        var referred = await Refer(friend.Handle);
        var again = await Refer(friend.Handle);

        Assert.True(referred.Succeeded, InvitationWorld.Describe(referred));
        Assert.Equal(InvitationSource.Referral, referred.Value!.Source);
        Assert.Equal(invitation.Id, referred.Value.ReferredFromId);
        Assert.Equal(invitee.Handle, referred.Value.Why.ReferredBy!.Handle);
        Assert.Equal("She knows this well.", referred.Value.Why.Note);
        Assert.Equal(OutcomeKind.Conflict, again.Kind); // answered already
        var original = await world.ReadAsync(db => db.Invitations.SingleAsync(i => i.Id == invitation.Id, Ct));
        Assert.Equal(InvitationStatus.Referred, original.Status);
        Assert.Single((await world.InboxAsync(friend)).Items);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task InviteByHand_OnlyTheAsker_NoDuplicates_AndWithdrawingHidesTheProblemAndItsNotices(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var invitee = await world.PersonAsync("invitee");
        var blocked = await world.PersonAsync("blocked");
        await world.BlockAsync(blocked, asker);
        var problem = await world.ProblemAsync(asker, ProblemVisibility.Invited);

        var byOther = await world.RunAsync((InviteByHand uc) => uc.ExecuteAsync(invitee.Id, problem.Id, blocked.Handle, null, Ct));
        var acrossBlock = await world.RunAsync((InviteByHand uc) => uc.ExecuteAsync(asker.Id, problem.Id, blocked.Handle, null, Ct));
        var unknown = await world.RunAsync((InviteByHand uc) => uc.ExecuteAsync(asker.Id, problem.Id, "nobody_here", null, Ct));
        var invitation = await InviteAsync(world, asker, problem, invitee);
        var duplicate = await world.RunAsync((InviteByHand uc) => uc.ExecuteAsync(asker.Id, problem.Id, invitee.Handle, null, Ct));

        Assert.Equal(OutcomeKind.NotFound, byOther.Kind);
        Assert.Equal(OutcomeKind.Invalid, acrossBlock.Kind);
        Assert.Equal(OutcomeKind.Invalid, unknown.Kind);
        Assert.Equal(OutcomeKind.Conflict, duplicate.Kind);
        Assert.Equal("Please help", invitation.Why.Note);
        Assert.Single((await world.InboxAsync(invitee)).Items);
        var mine = await world.RunAsync((ListMyInvitations uc) => uc.ExecuteAsync(invitee.Id, true, new PageRequest(), Ct));
        Assert.Equal([invitation.Id], mine.Value!.Items.Select(i => i.Id));
        var forAsker = await world.RunAsync((ListProblemInvitations uc) => uc.ExecuteAsync(asker.Id, problem.Id, Ct));
        var forInvitee = await world.RunAsync((ListProblemInvitations uc) => uc.ExecuteAsync(invitee.Id, problem.Id, Ct));
        Assert.Single(forAsker.Value!);
        Assert.Equal(OutcomeKind.NotFound, forInvitee.Kind);

        var byInvitee = await world.RunAsync((WithdrawInvitation uc) => uc.ExecuteAsync(invitee.Id, problem.Id, invitation.Id, Ct));
        var withdrawn = await world.RunAsync((WithdrawInvitation uc) => uc.ExecuteAsync(asker.Id, problem.Id, invitation.Id, Ct));
        var twice = await world.RunAsync((WithdrawInvitation uc) => uc.ExecuteAsync(asker.Id, problem.Id, invitation.Id, Ct));

        Assert.Equal(OutcomeKind.NotFound, byInvitee.Kind);
        Assert.Equal(InvitationStatus.Withdrawn, withdrawn.Value!.Status);
        Assert.Equal(OutcomeKind.Conflict, twice.Kind);
        Assert.DoesNotContain(problem.Id, await world.VisibleProblemsAsync(invitee));
        Assert.Empty((await world.InboxAsync(invitee)).Items);
        Assert.Equal(0, await world.RunAsync((CountUnreadNotifications uc) => uc.ExecuteAsync(invitee.Id, Ct)));
        var accept = await world.RunAsync((AcceptInvitation uc) => uc.ExecuteAsync(invitee.Id, invitation.Id, Ct));
        Assert.Equal(OutcomeKind.NotFound, accept.Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task InviteByHand_TwoRacingRequestsForOnePerson_OneInvites_TheOtherIsTheSameConflict_AndStoresNothing(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider, new SaveBarrier(parties: 2));
        var asker = await world.PersonAsync("asker");
        var invitee = await world.PersonAsync("invitee");
        var problem = await world.ProblemAsync(asker, ProblemVisibility.Invited);

        var outcomes = await Task.WhenAll(
            Task.Run(() => world.RunAsync((InviteByHand uc) => uc.ExecuteAsync(asker.Id, problem.Id, invitee.Handle, "First", Ct)), Ct),
            Task.Run(() => world.RunAsync((InviteByHand uc) => uc.ExecuteAsync(asker.Id, problem.Id, invitee.Handle, "Second", Ct)), Ct));
        var later = await world.RunAsync((InviteByHand uc) => uc.ExecuteAsync(asker.Id, problem.Id, invitee.Handle, null, Ct));

        Assert.Single(outcomes, o => o.Succeeded);
        var raced = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal((OutcomeKind.Conflict, later.Kind, later.Detail), (raced.Kind, raced.Kind, raced.Detail));
        Assert.Equal(1, await world.ReadAsync(db => db.Invitations.CountAsync(i => i.ProblemId == problem.Id, Ct)));
        Assert.Equal(1, await world.ReadAsync(db => db.Interactions.CountAsync(i => i.ProblemId == problem.Id, Ct)));
        Assert.Single((await world.InboxAsync(invitee)).Items);
    }

    internal static async Task<InvitationView> InviteAsync(InvitationWorld world, Core.People.Person asker, Problem problem, Core.People.Person invitee)
    {
        var outcome = await world.RunAsync((InviteByHand uc) => uc.ExecuteAsync(asker.Id, problem.Id, invitee.Handle, "Please help", Ct));
        Assert.True(outcome.Succeeded, InvitationWorld.Describe(outcome));
        return outcome.Value!;
    }
}
