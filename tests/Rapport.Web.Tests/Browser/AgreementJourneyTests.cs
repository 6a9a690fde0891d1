using Microsoft.Playwright;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Agreements;

namespace Rapport.Web.Tests.Browser;

/// <summary>
/// The agreement chain as two people live it in a real browser, without JavaScript forms: Ana (asker) proposes an
/// agreement to Ben (who contributed); Ben confirms and marks it delivered; both reflect, and Ana is offered to state
/// trust in Ben on the problem's topic; Ana resolves citing Ben's and Cleo's contributions, crediting both; Ben's
/// profile lists the credit and the relationship page shows what passed between them.
/// </summary>
public sealed class AgreementJourneyTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ProposeConfirmDeliverReflectResolve_CreditsTwoContributors(DatabaseProvider provider)
    {
        var (app, baseUrl) = await LiveApp.StartAsync(provider);
        await using var _ = app;
        await using var browser = await BrowserSession.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ana = await app.CreatePersonAsync(displayName: $"Ana Lindqvist {suffix}");
        var ben = await app.CreatePersonAsync(displayName: $"Ben Okafor {suffix}");
        var cleo = await app.CreatePersonAsync(displayName: $"Cleo Marsh {suffix}");
        var problem = await ProblemSeed.ProblemAsync(app.Services, ana, $"Hull leaks {suffix}");
        await ProblemSeed.ContributionAsync(app.Services, problem, ben, "Use epoxy on the seam.");
        await ProblemSeed.ContributionAsync(app.Services, problem, cleo, "Let it dry for two days first.");

        var anaPage = await browser.NewPageAsync(baseUrl);
        await BrowserSession.SignInAsync(anaPage, ana);
        await anaPage.GotoAsync($"/problems/{problem}/agreements");
        await anaPage.GetByLabel("Helper's handle").FillAsync(ben.Handle);
        await anaPage.GetByLabel("Scope: what will be done").FillAsync("Patch the **hull** seam.");
        await anaPage.GetByLabel("Price (optional)").FillAsync("120.50");
        await anaPage.GetByLabel("Currency (three letters, e.g. EUR)").FillAsync("EUR");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Propose agreement" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Your proposal is sent");
        await Assertions.Expect(anaPage.Locator("article")).ToContainTextAsync("120.50 EUR");
        Assert.Equal(0, await anaPage.GetByRole(AriaRole.Button, new() { Name = "Confirm agreement" }).CountAsync());

        var benPage = await browser.NewPageAsync(baseUrl);
        await BrowserSession.SignInAsync(benPage, ben);
        await benPage.GotoAsync($"/problems/{problem}/agreements");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Confirm agreement" }).ClickAsync();
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status)).ToContainTextAsync("confirmed by both");
        await Assertions.Expect(benPage.GetByRole(AriaRole.Paragraph).Filter(new() { HasText = "The problem is" })).ToContainTextAsync("agreed");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Mark delivered" }).ClickAsync();
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked delivered");
        await benPage.GetByLabel("Your reflection").FillAsync("Clear ask, good to work with.");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your reflection is saved");

        await anaPage.GotoAsync($"/problems/{problem}/agreements");
        await anaPage.GetByLabel("Your reflection").FillAsync("Careful work, it holds.");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        var offer = anaPage.Locator("#trust-offer").GetByRole(AriaRole.Link);
        await Assertions.Expect(offer).ToHaveAttributeAsync("href", $"/people/{ben.Handle}?topic=sailing#your-trust");
        await offer.ClickAsync();
        await Assertions.Expect(anaPage.GetByLabel("Topic (optional)")).ToHaveValueAsync("sailing");

        await anaPage.GotoAsync($"/problems/{problem}/resolve");
        await anaPage.GetByLabel("Ben Okafor", new() { Exact = false }).CheckAsync();
        await anaPage.GetByLabel("Cleo Marsh", new() { Exact = false }).CheckAsync();
        await anaPage.GetByLabel("What came of it").FillAsync("Epoxy on a dry seam held.");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Resolve and credit" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Status)).ToContainTextAsync("everyone you cited is credited");
        var credits = anaPage.Locator(".credits");
        await Assertions.Expect(credits).ToContainTextAsync($"Ben Okafor {suffix}");
        await Assertions.Expect(credits).ToContainTextAsync($"Cleo Marsh {suffix}");
        Assert.Empty(await anaPage.EvaluateAsync<string[]>(AccessibilityTests.Audit));

        await anaPage.GotoAsync($"/people/{cleo.Handle}");
        await Assertions.Expect(anaPage.Locator("#ledger")).ToContainTextAsync("Epoxy on a dry seam held.");
        await anaPage.GotoAsync($"/people/{ben.Handle}/relationship");
        await Assertions.Expect(anaPage.Locator("[aria-labelledby=rel-interactions]")).ToContainTextAsync($"You credited Ben Okafor {suffix}");
        await Assertions.Expect(anaPage.Locator("[aria-labelledby=rel-agreements]")).ToContainTextAsync("delivered");
    }
}
