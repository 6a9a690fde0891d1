using Microsoft.Playwright;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Trust;

namespace Rapport.Web.Tests.Browser;

/// <summary>
/// Trust as a person lives it in a real browser: open someone's page, state trust in them on a topic, open "My web of
/// trust" on that topic, find someone they trust there with the path that explains it, and grow the picture by
/// selecting a person in it. Until the trust engine is merged, the journey runs up to the computed parts and then skips.
/// </summary>
public sealed class TrustJourneyTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task StateTrustOnATopic_ThenFindTheirTrustInYourWeb_WithTheReason_AndGrowThePicture(DatabaseProvider provider)
    {
        var (app, baseUrl) = await LiveApp.StartAsync(provider);
        await using var _ = app;
        await using var browser = await BrowserSession.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ana = await app.CreatePersonAsync(displayName: $"Ana Lindqvist {suffix}");
        var ben = await app.CreatePersonAsync(displayName: $"Ben Okafor {suffix}", configure: p => p.Competences.Add(new() { Topic = "sailing" }));
        var cleo = await app.CreatePersonAsync(displayName: $"Cleo Park {suffix}");
        var dan = await app.CreatePersonAsync(displayName: $"Dan Berg {suffix}");
        var eve = await app.CreatePersonAsync(displayName: $"Eve Stone {suffix}");
        // Ben trusts Cleo on sailing; Cleo trusts Dan and distrusts Eve, whom nobody trusts: Eve is in nobody's web,
        // so she enters the picture only when Cleo's statements are added to it.
        await app.StateAsync(ben, cleo, 0.6, "sailing", note: "Sailed with her for years.");
        await app.StateAsync(cleo, dan, 0.6, "sailing");
        await app.StateAsync(cleo, eve, -1, "sailing");

        var page = await browser.NewPageAsync(baseUrl);
        var problems = WatchForProblems(page);
        await BrowserSession.SignInAsync(page, ana);

        // Ana opens Ben's page and states that she trusts him a lot on sailing, for everyone to see.
        await page.GotoAsync($"/people/{ben.Handle}");
        var section = page.Locator("#your-trust");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = $"Your trust in Ben Okafor {suffix}", Exact = true })).ToBeVisibleAsync();
        await section.GetByLabel("Topic (optional)").FillAsync("sailing");
        await section.GetByLabel("How much do you trust them?").SelectOptionAsync(new SelectOptionValue { Label = "A lot: I trust them a lot" });
        await section.GetByLabel("Public: everyone signed in", new() { Exact = false }).CheckAsync();
        await section.GetByLabel("Note (optional)").FillAsync("Pilots the **archipelago** by night.");
        await section.GetByRole(AriaRole.Button, new() { Name = "State trust" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("stated=true", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your trust statement is saved.");
        var mine = page.Locator("[aria-labelledby=trust-mine]");
        await Assertions.Expect(mine).ToContainTextAsync("A lot (0.60)");
        await Assertions.Expect(mine).ToContainTextAsync("sailing");
        await Assertions.Expect(mine.Locator("strong", new() { HasText = "archipelago" })).ToBeVisibleAsync();

        // "My trust" lists it.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Trust" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My trust");
        await Assertions.Expect(page.Locator("main table").GetByRole(AriaRole.Link, new() { Name = $"Ben Okafor {suffix}", Exact = true })).ToBeVisibleAsync();

        // From here the page shows trust computed by the engine.

        // Her web of trust on sailing has Cleo, whom Ben trusts, with the path that explains it.
        await page.GetByRole(AriaRole.Link, new() { Name = "My web of trust" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My web of trust");
        await page.GetByLabel("Topic", new() { Exact = true }).FillAsync("sailing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People you can trust on sailing" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("not a ranking of people", new() { Exact = false })).ToBeVisibleAsync();
        var cleoItem = page.Locator(".trust-web > li", new() { Has = page.Locator(".handle", new() { HasText = $"@{cleo.Handle}" }) });
        await Assertions.Expect(cleoItem).ToBeVisibleAsync();
        var why = cleoItem.Locator(".trust-path");
        await Assertions.Expect(why.GetByRole(AriaRole.Link, new() { Name = $"Ben Okafor {suffix}" }).First).ToBeVisibleAsync();
        await Assertions.Expect(why).ToContainTextAsync("A lot (0.60)");
        await Assertions.Expect(why).ToContainTextAsync("on sailing");
        Assert.Empty(await page.EvaluateAsync<string[]>(AccessibilityTests.Audit));

        // The picture is drawn; selecting Cleo in it adds whom she trusts and distrusts: Eve appears, in the graph and the tables.
        await page.Locator("#trust-picture canvas").First.WaitForAsync();
        var statements = page.Locator("#trust-picture-statements tbody tr");
        var before = await statements.CountAsync();
        var nodesBefore = await page.EvaluateAsync<int>("() => document.getElementById('trust-picture')._cyreg.cy.nodes().length");
        Assert.Equal(0, await page.Locator($"#trust-picture-people tr[data-handle='{eve.Handle}']").CountAsync());
        await ClickNodeAsync(page, cleo.Handle);
        await Assertions.Expect(page.Locator($"#trust-picture-people tr[data-handle='{eve.Handle}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#trust-picture-statements tr[data-edge='{cleo.Handle}>{eve.Handle}>sailing']")).ToContainTextAsync("Distrust (-1.00)");
        await Assertions.Expect(page.Locator("#trust-picture-status")).ToContainTextAsync("Added 1 person");
        Assert.True(await statements.CountAsync() > before);
        Assert.Equal(nodesBefore + 1, await page.EvaluateAsync<int>("() => document.getElementById('trust-picture')._cyreg.cy.nodes().length"));

        // The table's own control does the same without the mouse: Dan trusts nobody else, and says so.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Add whom Dan Berg {suffix} trusts" }).ClickAsync();
        await Assertions.Expect(page.Locator("#trust-picture-status")).ToContainTextAsync("Added 0 people and 0 statements");
        Assert.EndsWith("/trust/web", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    /// <summary>Clicks a person's node where cytoscape drew it, as a mouse would.</summary>
    private static async Task ClickNodeAsync(IPage page, string handle)
    {
        await page.Locator("#trust-picture").ScrollIntoViewIfNeededAsync();
        var at = await page.EvaluateAsync<double[]>(
            "handle => { const p = document.getElementById('trust-picture')._cyreg.cy.getElementById(handle).renderedPosition(); return [p.x, p.y]; }", handle);
        var box = await page.Locator("#trust-picture").BoundingBoxAsync() ?? throw new InvalidOperationException("The picture is not on screen.");
        await page.Mouse.ClickAsync((float)(box.X + 1 + at[0]), (float)(box.Y + 1 + at[1]));
    }

    /// <summary>Console errors (a CSP violation is one) and uncaught script errors.</summary>
    private static List<string> WatchForProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }
}
