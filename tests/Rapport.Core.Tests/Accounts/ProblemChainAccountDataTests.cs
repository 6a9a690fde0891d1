using System.Text.Json;
using Rapport.Core.Accounts;
using Rapport.Core.Agreements;
using Rapport.Core.Blocks;
using Rapport.Core.Dialogue;
using Rapport.Core.Invitations;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Resolutions;
using Rapport.Core.Tests.Agreements;
using Rapport.Testing;

namespace Rapport.Core.Tests.Accounts;

/// <summary>A person's part in the problem chain in their data export — and nothing private to anyone else.</summary>
public sealed class ProblemChainAccountDataTests(ProblemChainWorlds worlds) : IClassFixture<ProblemChainWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Export_HoldsTheirProblemsDialogueInvitationsAgreementsResolutionsCreditsAndNotices_ButNoOneElsesPrivateData(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync("ada");
        var bo = await world.PersonAsync("bo");
        var cy = await world.PersonAsync("cy");
        var dan = await world.PersonAsync("danhidden");

        var own = await world.ProblemAsync(ada, title: "Ada's leaking boat");
        var boAnswer = await world.ContributionAsync(own, bo, "Use epoxy.");
        Assert.True((await world.RunAsync((ThankContribution uc) => uc.ExecuteAsync(ada.Id, own, boAnswer, Ct))).Succeeded);
        await world.InviteAsync(own, cy, ada);
        var agreed = await world.AgreedAsync(ada, own, bo);
        await world.DeliverAsync(bo, agreed);
        await ReflectAsync(world, ada, agreed, "Ada: quick and tidy.");
        await ReflectAsync(world, bo, agreed, "BO-PRIVATE-REFLECTION");
        Assert.True((await world.ResolveAsync(ada, own, boAnswer)).Succeeded);

        var bosSecret = await world.ProblemAsync(bo, ProblemVisibility.Invited, title: "BO-SECRET-TITLE");
        var withdrawn = await world.InviteAsync(bosSecret, ada, bo);
        await world.InviteAsync(bosSecret, dan, bo);
        Assert.True((await world.RunAsync((WithdrawInvitation uc) => uc.ExecuteAsync(bo.Id, bosSecret, withdrawn, Ct))).Succeeded);
        var bosPublic = await world.ProblemAsync(bo, title: "Bo's mast");
        var adaAnswer = await world.ContributionAsync(bosPublic, ada, "Check the spreaders.");
        Assert.True((await world.ResolveAsync(bo, bosPublic, adaAnswer)).Succeeded);
        Assert.True((await world.RunAsync((BlockPerson uc) => uc.ExecuteAsync(ada.Id, dan.Handle, Ct))).Succeeded);

        var data = (await world.RunAsync((ExportPersonalData uc) => uc.ExecuteAsync(ada.AccountId, Ct)))!;
        var chain = data.ProblemChain;

        Assert.Equal(["Ada's leaking boat"], chain.Problems.Select(p => p.Title));
        Assert.Equal([("Bo's mast", "Check the spreaders.")], chain.Contributions.Select(c => (c.Problem.Title, c.Body)));
        Assert.Equal([(own, bo.Handle)], chain.ThanksGiven.Select(t => (t.Problem.Id, t.ContributionBy)));
        Assert.Empty(chain.InvitationsReceived); // withdrawn from a problem they may no longer see: not even that it exists
        Assert.Equal([cy.Handle], chain.InvitationsSent.Select(i => i.Other));
        var agreement = Assert.Single(chain.Agreements);
        Assert.Equal(("asker", bo.Handle, AgreementStatus.Delivered, "Ada: quick and tidy."), (agreement.Role, agreement.Other, agreement.Status, agreement.Reflection));
        var resolution = Assert.Single(chain.Resolutions);
        Assert.Equal((own, bo.Handle), (resolution.Problem.Id, Assert.Single(resolution.Credited).Person));
        Assert.Equal(["Bo's mast"], chain.CreditsReceived.Select(c => c.Problem.Title));
        Assert.Equal([dan.Handle], chain.Blocks.Select(b => b.Blocked));
        Assert.NotEmpty(chain.Notices);
        Assert.All(chain.Notices, n => Assert.DoesNotContain("BO-SECRET-TITLE", n.Text, StringComparison.Ordinal));
        var json = JsonSerializer.Serialize(data);
        Assert.DoesNotContain("BO-SECRET-TITLE", json, StringComparison.Ordinal);
        Assert.DoesNotContain(bosSecret.ToString(), json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("BO-PRIVATE-REFLECTION", json, StringComparison.Ordinal);
        Assert.Single(chain.Blocks);
        Assert.Equal(1, CountOccurrences(json, dan.Handle)); // only as the one they blocked, never as bo's invitee
    }

    private static async Task ReflectAsync(ProblemChainWorld world, Core.People.Person by, AgreementView agreement, string text)
    {
        var reflected = await world.RunAsync((ReflectOnAgreement uc) => uc.ExecuteAsync(by.Id, agreement.ProblemId, agreement.Id, text, Ct));
        Assert.True(reflected.Succeeded, ProblemChainWorld.Describe(reflected));
    }

    private static int CountOccurrences(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
