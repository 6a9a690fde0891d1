using Rapport.Core.Agreements;
using Rapport.Core.Communities;
using Rapport.Core.Interactions;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Relationships;
using Rapport.Core.Resolutions;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Agreements;

public sealed class RelationshipTests(ProblemChainWorlds worlds) : IClassFixture<ProblemChainWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Ledger_ShowsCreditsWithWhomAndWhatTheyEnabled_OnlyOnProblemsTheViewerMaySee(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var open = await world.ProblemAsync(asker, title: "Open to all");
        var hidden = await world.ProblemAsync(asker, ProblemVisibility.Invited, title: "Hidden one");
        await world.InviteAsync(hidden, helper, asker);
        await world.ResolveAsync(asker, open, await world.ContributionAsync(open, helper));
        await world.ResolveAsync(asker, hidden, await world.ContributionAsync(hidden, helper));

        var seenByStranger = (await world.RunAsync((GetLedger uc) => uc.ExecuteAsync(stranger.Id, helper.Handle, new PageRequest(), Ct))).Value!;
        var seenByHelper = (await world.RunAsync((GetLedger uc) => uc.ExecuteAsync(helper.Id, helper.Handle, new PageRequest(), Ct))).Value!;

        var entry = Assert.Single(seenByStranger.Items);
        Assert.Equal((1, "Open to all", asker.Handle, "The patch held.", CreditKind.Contribution), (seenByStranger.Total, entry.ProblemTitle, entry.To.Handle, entry.Enabled, entry.Kind));
        Assert.Equal(["Hidden one", "Open to all"], seenByHelper.Items.Select(i => i.ProblemTitle));
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((GetLedger uc) => uc.ExecuteAsync(stranger.Id, "nobody_here", new PageRequest(), Ct))).Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Relationship_ShowsBothSides_InteractionsAgreementsCreditsAndVisibleTrust(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var third = await world.PersonAsync();
        var problem = await world.ProblemAsync(asker);
        var contribution = await world.ContributionAsync(problem, helper);
        var agreement = await world.AgreedAsync(asker, problem, helper);
        await world.DeliverAsync(helper, agreement);
        await world.ResolveAsync(asker, problem, contribution);
        await world.TrustAsync(asker, helper, TrustLevel.ALot.Value, TrustVisibility.Public, "sailing");
        await world.TrustAsync(helper, asker, TrustLevel.Some.Value, TrustVisibility.Private);
        await world.TrustAsync(third, helper, TrustLevel.Completely.Value, TrustVisibility.Public);

        var fromAsker = (await world.RunAsync((GetRelationship uc) => uc.ExecuteAsync(asker.Id, helper.Handle, Ct))).Value!;
        var fromHelper = (await world.RunAsync((GetRelationship uc) => uc.ExecuteAsync(helper.Id, asker.Handle, Ct))).Value!;

        Assert.Equal([InteractionKind.Credited, InteractionKind.Delivered, InteractionKind.Agreed], fromAsker.Interactions.Select(i => i.Kind));
        Assert.Equal([false, true, true], fromHelper.Interactions.Select(i => i.FromViewer));
        Assert.Equal(problem, Assert.Single(fromAsker.SharedProblems).Id);
        Assert.True(Assert.Single(fromAsker.Agreements).ViewerIsAsker);
        Assert.Equal(AgreementStatus.Delivered, fromHelper.Agreements[0].Status);
        Assert.Single(fromAsker.CreditsGiven);
        Assert.Empty(fromAsker.CreditsReceived);
        Assert.Single(fromHelper.CreditsReceived);
        Assert.Equal("sailing", Assert.Single(fromAsker.MyTrust).Topic);
        Assert.Empty(fromAsker.TheirTrust); // the helper's statement is private
        Assert.Single(fromHelper.MyTrust);
        Assert.Single(fromHelper.TheirTrust);
        Assert.Equal(OutcomeKind.Conflict, (await world.RunAsync((GetRelationship uc) => uc.ExecuteAsync(asker.Id, asker.Handle, Ct))).Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Relationship_HidesTheProblemOfAnInteraction_WhenTheViewerMayNoLongerSeeIt(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var problem = await world.ProblemAsync(asker, ProblemVisibility.Invited, title: "Secret leak");
        var invitation = await world.InviteAsync(problem, helper, asker);
        await world.ResolveAsync(asker, problem, await world.ContributionAsync(problem, helper));
        await world.ReadAsync(async db =>
        {
            var i = await db.Invitations.FindAsync([invitation], Ct);
            i!.Status = Rapport.Core.Invitations.InvitationStatus.Withdrawn;
            return await db.SaveChangesAsync(Ct);
        });

        var fromHelper = (await world.RunAsync((GetRelationship uc) => uc.ExecuteAsync(helper.Id, asker.Handle, Ct))).Value!;

        var credited = Assert.Single(fromHelper.Interactions);
        Assert.Equal((InteractionKind.Credited, (Guid?)null, (string?)null), (credited.Kind, credited.ProblemId, credited.ProblemTitle));
        Assert.Empty(fromHelper.SharedProblems);
        Assert.Empty(fromHelper.CreditsReceived);
    }
}
