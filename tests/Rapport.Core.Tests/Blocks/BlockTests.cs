using Microsoft.EntityFrameworkCore;
using Rapport.Core.Agreements;
using Rapport.Core.Blocks;
using Rapport.Core.Invitations;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Tests.Agreements;
using Rapport.Testing;

namespace Rapport.Core.Tests.Blocks;

/// <summary>What a block ends between the two people, and what it leaves alone.</summary>
public sealed class BlockTests(ProblemChainWorlds worlds) : IClassFixture<ProblemChainWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Block_WithdrawsPendingInvitationsEitherWay_AndCancelsProposals_ButKeepsAgreedWork_AndNotifiesNobody(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync("blocker");
        var blocked = await world.PersonAsync("blocked");
        var third = await world.PersonAsync("third");

        var askersProblem = await world.ProblemAsync(asker, ProblemVisibility.Invited);
        var askedBlocked = await world.InviteAsync(askersProblem, blocked, asker);
        var askedThird = await world.InviteAsync(askersProblem, third, asker);
        var blockedsProblem = await world.ProblemAsync(blocked, ProblemVisibility.Invited);
        var blockedAskedAsker = await world.InviteAsync(blockedsProblem, asker, blocked);
        var referredProblem = await world.ProblemAsync(asker);
        var referrer = await world.InviteAsync(referredProblem, third, asker, InvitationStatus.Referred);
        var referredToBlocked = await world.InviteAsync(referredProblem, blocked, third, referredFrom: referrer);
        var acceptedProblem = await world.ProblemAsync(asker);
        var accepted = await world.InviteAsync(acceptedProblem, blocked, asker, InvitationStatus.Accepted);
        var proposedProblem = await world.ProblemAsync(asker);
        await world.ContributionAsync(proposedProblem, blocked);
        var proposal = await world.ProposeAsync(blocked, proposedProblem, null);
        Assert.True(proposal.Succeeded, ProblemChainWorld.Describe(proposal));
        var agreedProblem = await world.ProblemAsync(asker);
        await world.ContributionAsync(agreedProblem, blocked);
        var agreed = await world.AgreedAsync(asker, agreedProblem, blocked);
        var noticesBefore = await NoticesAsync(world, asker, blocked);

        var block = await world.RunAsync((BlockPerson uc) => uc.ExecuteAsync(asker.Id, blocked.Handle, Ct));

        Assert.True(block.Succeeded, ProblemChainWorld.Describe(block));
        var statuses = await world.ReadAsync(db => db.Invitations.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Status, Ct));
        Assert.Equal(InvitationStatus.Withdrawn, statuses[askedBlocked]);
        Assert.Equal(InvitationStatus.Withdrawn, statuses[blockedAskedAsker]);
        Assert.Equal(InvitationStatus.Withdrawn, statuses[referredToBlocked]);
        Assert.Equal(InvitationStatus.Pending, statuses[askedThird]);
        Assert.Equal(InvitationStatus.Accepted, statuses[accepted]);
        var agreements = await world.ReadAsync(db => db.Agreements.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Status, Ct));
        Assert.Equal(AgreementStatus.Cancelled, agreements[proposal.Value!.Id]);
        Assert.Equal(AgreementStatus.Confirmed, agreements[agreed.Id]);
        Assert.Equal(noticesBefore, await NoticesAsync(world, asker, blocked));
        var blockedSees = await world.ReadAsync(db => db.Problems.Where(ProblemAccess.CanSee(blocked.Id)).Select(p => p.Id).ToListAsync(Ct));
        Assert.DoesNotContain(askersProblem, blockedSees);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Propose_AcrossABlock_EitherWay_IsAConflict_AndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync("asker");
        var helper = await world.PersonAsync("helper");
        var problem = await world.ProblemAsync(asker);
        await world.ContributionAsync(problem, helper);
        var blocked = await world.RunAsync((BlockPerson uc) => uc.ExecuteAsync(helper.Id, asker.Handle, Ct));
        Assert.True(blocked.Succeeded, ProblemChainWorld.Describe(blocked));
        var before = await world.FingerprintAsync(problem);

        var byAsker = await world.ProposeAsync(asker, problem, helper);
        var byHelper = await world.ProposeAsync(helper, problem, null);

        Assert.Equal((OutcomeKind.Conflict, OutcomeKind.Conflict), (byAsker.Kind, byHelper.Kind));
        Assert.Equal("An agreement between the two of you is not possible.", byAsker.Detail);
        Assert.Equal(before, await world.FingerprintAsync(problem));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task BlockingAgain_ChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync("again");
        var other = await world.PersonAsync("other");
        var first = await world.RunAsync((BlockPerson uc) => uc.ExecuteAsync(asker.Id, other.Handle, Ct));

        var second = await world.RunAsync((BlockPerson uc) => uc.ExecuteAsync(asker.Id, other.Handle, Ct));

        Assert.Equal(first.Value!.Since, second.Value!.Since);
        Assert.Equal(1, await world.ReadAsync(db => db.Blocks.CountAsync(b => b.BlockerId == asker.Id, Ct)));
    }

    private static Task<int> NoticesAsync(ProblemChainWorld world, params Core.People.Person[] people)
    {
        var ids = people.Select(p => p.Id).ToList();
        return world.ReadAsync(db => db.Notifications.CountAsync(n => ids.Contains(n.PersonId), Ct));
    }
}
