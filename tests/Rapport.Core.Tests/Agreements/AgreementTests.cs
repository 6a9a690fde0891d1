using Microsoft.EntityFrameworkCore;
using Rapport.Core.Agreements;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Testing;

namespace Rapport.Core.Tests.Agreements;

public sealed class AgreementTests(ProblemChainWorlds worlds) : IClassFixture<ProblemChainWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ProposeConfirmDeliverReflect_MovesTheProblem_RecordsInteractions_NotifiesTheOtherSide_AndOffersTrust(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var problem = await world.ProblemAsync(asker);
        await world.ContributionAsync(problem, helper);

        var proposed = await world.ProposeAsync(helper, problem, null, price: 120.5m, currency: "eur");
        Assert.True(proposed.Succeeded, ProblemChainWorld.Describe(proposed));
        Assert.Equal((AgreementStatus.Proposed, "EUR", helper.Handle), (proposed.Value!.Status, proposed.Value.PriceCurrency, proposed.Value.Helper.Handle));
        Assert.NotNull(proposed.Value.HelperConfirmedAt);
        Assert.Null(proposed.Value.AskerConfirmedAt);
        Assert.Equal(ProblemStatus.InDialogue, await world.StatusAsync(problem));

        var confirmed = await world.RunAsync((ConfirmAgreement uc) => uc.ExecuteAsync(asker.Id, problem, proposed.Value.Id, Ct));
        Assert.Equal(AgreementStatus.Confirmed, confirmed.Value!.Status);
        Assert.Equal(ProblemStatus.Agreed, await world.StatusAsync(problem));

        var delivered = await world.DeliverAsync(helper, confirmed.Value);
        Assert.Equal(AgreementStatus.Delivered, delivered.Value!.Status);
        Assert.Equal(ProblemStatus.Delivered, await world.StatusAsync(problem));

        var byHelper = await world.RunAsync((ReflectOnAgreement uc) => uc.ExecuteAsync(helper.Id, problem, proposed.Value.Id, "Good to work with.", Ct));
        var byAsker = await world.RunAsync((ReflectOnAgreement uc) => uc.ExecuteAsync(asker.Id, problem, proposed.Value.Id, "It holds!", Ct));
        Assert.Null(byHelper.Value!.TrustOffer);
        Assert.Equal(new TrustOffer(helper.Handle, helper.DisplayName, "boats"), byAsker.Value!.TrustOffer);
        Assert.Equal(2, byAsker.Value.Agreement.Reflections.Count);
        Assert.False(byAsker.Value.Agreement.Moves.CanReflect);

        var interactions = await world.ReadAsync(db => db.Interactions.Where(i => i.AgreementId == proposed.Value.Id)
            .OrderBy(i => i.CreatedAt).Select(i => new { i.Kind, i.FromId, i.ToId }).ToListAsync(Ct));
        Assert.Equal(
            [(InteractionKind.Agreed, asker.Id, helper.Id), (InteractionKind.Delivered, helper.Id, asker.Id),
             (InteractionKind.Reflected, helper.Id, asker.Id), (InteractionKind.Reflected, asker.Id, helper.Id)],
            interactions.Select(i => (i.Kind, i.FromId, i.ToId)));
        var notices = await world.ReadAsync(db => db.Notifications.Where(n => n.ProblemId == problem)
            .OrderBy(n => n.CreatedAt).Select(n => new { n.PersonId, n.Kind }).ToListAsync(Ct));
        Assert.Equal(
            [(asker.Id, NotificationKind.AgreementProposed), (helper.Id, NotificationKind.AgreementConfirmed), (asker.Id, NotificationKind.AgreementDelivered),
             (asker.Id, NotificationKind.ReflectionWritten), (helper.Id, NotificationKind.ReflectionWritten)],
            notices.Select(n => (n.PersonId, n.Kind)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task BadSteps_AreRefusedWithClearErrors_AndChangeNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var bystander = await world.PersonAsync();
        var problem = await world.ProblemAsync(asker);
        await world.ContributionAsync(problem, helper);
        var proposed = (await world.ProposeAsync(asker, problem, helper)).Value!;
        var before = await world.FingerprintAsync(problem);

        async Task Refused<T>(Task<Outcome<T>> step, OutcomeKind kind, string expected)
        {
            var outcome = await step;
            Assert.Equal(kind, outcome.Kind);
            Assert.Contains(expected, outcome.Detail ?? string.Join(" ", outcome.Errors.ToDictionary().SelectMany(e => e.Value)), StringComparison.Ordinal);
            Assert.Equal(before, await world.FingerprintAsync(problem));
        }

        await Refused(world.RunAsync((ConfirmAgreement uc) => uc.ExecuteAsync(asker.Id, problem, proposed.Id, Ct)), OutcomeKind.Conflict, "You proposed this agreement");
        await Refused(world.RunAsync((ConfirmAgreement uc) => uc.ExecuteAsync(bystander.Id, problem, proposed.Id, Ct)), OutcomeKind.Conflict, "Only the asker and the helper");
        await Refused(world.DeliverAsync(helper, proposed), OutcomeKind.Conflict, "Both sides must confirm");
        await Refused(world.ProposeAsync(helper, problem, null), OutcomeKind.Conflict, "There is already an agreement between you");
        await Refused(world.ProposeAsync(asker, problem, bystander), OutcomeKind.Invalid, "The helper must be someone who took part");
        await Refused(world.ProposeAsync(bystander, problem, null), OutcomeKind.Conflict, "Only the asker, or someone who took part");
        await Refused(world.ProposeAsync(asker, problem, helper, scope: " "), OutcomeKind.Invalid, "Scope is required");
        await Refused(world.ProposeAsync(asker, problem, helper, price: 10m), OutcomeKind.Invalid, "three-letter code");
        await Refused(world.RunAsync((ReflectOnAgreement uc) => uc.ExecuteAsync(asker.Id, problem, proposed.Id, "Too soon", Ct)), OutcomeKind.Conflict, "once the agreement is delivered");
        await Refused(world.RunAsync((ConfirmAgreement uc) => uc.ExecuteAsync(helper.Id, Guid.NewGuid(), proposed.Id, Ct)), OutcomeKind.NotFound, "");

        var confirmed = await world.RunAsync((ConfirmAgreement uc) => uc.ExecuteAsync(helper.Id, problem, proposed.Id, Ct));
        Assert.True(confirmed.Succeeded);
        await world.DeliverAsync(helper, confirmed.Value!);
        await world.RunAsync((ReflectOnAgreement uc) => uc.ExecuteAsync(asker.Id, problem, proposed.Id, "Fine.", Ct));
        before = await world.FingerprintAsync(problem);
        await Refused(world.RunAsync((ReflectOnAgreement uc) => uc.ExecuteAsync(asker.Id, problem, proposed.Id, "Again", Ct)), OutcomeKind.Conflict, "already written your reflection");
        await Refused(world.DeliverAsync(helper, confirmed.Value!), OutcomeKind.Conflict, "already been delivered");
        await Refused(world.RunAsync((CancelAgreement uc) => uc.ExecuteAsync(asker.Id, problem, proposed.Id, Ct)), OutcomeKind.Conflict, "not yet delivered");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AProblemYouCannotSee_IsNotFound_ForEveryStep(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var helper = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var problem = await world.ProblemAsync(asker, ProblemVisibility.Invited);
        await world.InviteAsync(problem, helper, asker);
        var proposed = (await world.ProposeAsync(asker, problem, helper)).Value!;

        Assert.Equal(OutcomeKind.NotFound, (await world.ProposeAsync(stranger, problem, null)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((ConfirmAgreement uc) => uc.ExecuteAsync(stranger.Id, problem, proposed.Id, Ct))).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((CancelAgreement uc) => uc.ExecuteAsync(stranger.Id, problem, proposed.Id, Ct))).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((ListAgreements uc) => uc.ExecuteAsync(stranger.Id, problem, Ct))).Kind);
        Assert.Single((await world.RunAsync((ListAgreements uc) => uc.ExecuteAsync(helper.Id, problem, Ct))).Value!);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task WithSeveralAgreements_TheProblemIsDeliveredWhenNoConfirmedOneWaits_AndCancellingTheLastReturnsToDialogue(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var first = await world.PersonAsync();
        var second = await world.PersonAsync();
        var declined = await world.PersonAsync();
        var problem = await world.ProblemAsync(asker);
        await world.ContributionAsync(problem, first);
        await world.InviteAsync(problem, second, asker, InvitationStatus.Accepted);
        await world.InviteAsync(problem, declined, asker, InvitationStatus.Declined);
        Assert.Equal(OutcomeKind.Invalid, (await world.ProposeAsync(asker, problem, declined)).Kind);

        var a = await world.AgreedAsync(asker, problem, first);
        var b = await world.AgreedAsync(asker, problem, second);
        Assert.True((await world.DeliverAsync(first, a)).Succeeded);
        Assert.Equal(ProblemStatus.Agreed, await world.StatusAsync(problem));
        Assert.True((await world.RunAsync((CancelAgreement uc) => uc.ExecuteAsync(second.Id, problem, b.Id, Ct))).Succeeded);
        Assert.Equal(ProblemStatus.Delivered, await world.StatusAsync(problem));

        // A new agreement makes it agreed again; cancelling it leaves the earlier delivery standing.
        var again = await world.AgreedAsync(asker, problem, second);
        Assert.Equal(ProblemStatus.Agreed, await world.StatusAsync(problem));
        await world.RunAsync((CancelAgreement uc) => uc.ExecuteAsync(asker.Id, problem, again.Id, Ct));
        Assert.Equal(ProblemStatus.Delivered, await world.StatusAsync(problem));

        var other = await world.ProblemAsync(asker);
        await world.ContributionAsync(other, first);
        var only = await world.AgreedAsync(asker, other, first);
        await world.RunAsync((CancelAgreement uc) => uc.ExecuteAsync(first.Id, other, only.Id, Ct));
        Assert.Equal(ProblemStatus.InDialogue, await world.StatusAsync(other));
        Assert.Equal(3, await world.ReadAsync(db => db.Agreements.CountAsync(x => x.ProblemId == problem && x.Status == AgreementStatus.Cancelled || x.ProblemId == problem && x.Status == AgreementStatus.Delivered, Ct)));
    }
}
