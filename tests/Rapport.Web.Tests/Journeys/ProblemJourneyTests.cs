using Microsoft.Playwright;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Browser;

namespace Rapport.Web.Tests.Journeys;

/// <summary>
/// Issue 5's whole chain as three people live it in a real browser, through the pages only: Ana posts a problem on a
/// topic where Ben and Cleo have a competence; posting routes it at once, and Ana sees both under "Who was asked" with
/// the matching topic; Ben sees the unread badge and the invitation with "why you" naming the topic, accepts, and
/// replies; Cleo replies too; Ana's inbox shows both contributions; Ana thanks Ben; Ana proposes an agreement (Ben is
/// told), Ben confirms and delivers (Ana is told), both reflect and Ana is offered to state trust in Ben on the topic;
/// Ana resolves citing both contributions; Ben's and Cleo's profiles list the credit under "What they gave" and their
/// inboxes say so.
/// </summary>
public sealed class ProblemJourneyTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task PostRouteDialogueAgreeDeliverReflectResolve_CreditsTwoContributors_WithNotices(DatabaseProvider provider)
    {
        var (app, baseUrl) = await LiveApp.StartAsync(provider);
        await using var _ = app;
        await using var browser = await BrowserSession.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var topic = $"hullrepair{suffix}";
        var title = $"Hull leaks at the seam {suffix}";
        var ana = await app.CreatePersonAsync(displayName: $"Ana Lindqvist {suffix}");
        var ben = await app.CreatePersonAsync(displayName: $"Ben Okafor {suffix}", configure: p => p.Competences.Add(new Competence { Topic = topic }));
        var cleo = await app.CreatePersonAsync(displayName: $"Cleo Marsh {suffix}", configure: p => p.Competences.Add(new Competence { Topic = topic }));

        // Ana posts the problem; it is routed at once to the two people whose competence matches its topic.
        var anaPage = await browser.NewPageAsync(baseUrl);
        await BrowserSession.SignInAsync(anaPage, ana);
        await anaPage.GotoAsync("/problems/new");
        await anaPage.GetByLabel("Title").FillAsync(title);
        await anaPage.GetByLabel("Description").FillAsync("Water comes in along the **keel seam** after every sail.");
        await anaPage.GetByLabel("Topics (optional)").FillAsync(topic);
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Your problem is posted.");
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var problemPath = new Uri(anaPage.Url).AbsolutePath;
        await anaPage.GetByRole(AriaRole.Link, new() { Name = "Who was asked" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Who was asked");
        foreach (var name in new[] { $"Ben Okafor {suffix}", $"Cleo Marsh {suffix}" })
        {
            var askedOne = anaPage.Locator("li", new() { Has = anaPage.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
            await Assertions.Expect(askedOne).ToContainTextAsync("Matching topics");
            await Assertions.Expect(askedOne.Locator(".tags")).ToContainTextAsync(topic);
        }

        // Ben: the unread badge, the invitation with why him (the matching topic); he accepts and replies.
        var benPage = await browser.NewPageAsync(baseUrl);
        await BrowserSession.SignInAsync(benPage, ben);
        var nav = benPage.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByLabel("1 unread")).ToHaveTextAsync("1");
        await nav.GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await Assertions.Expect(benPage.Locator("main")).ToContainTextAsync($"You were invited to help with “{title}”.");
        await benPage.GotoAsync("/invitations");
        var invitation = benPage.Locator("li.invitation", new() { HasText = title });
        await Assertions.Expect(invitation).ToContainTextAsync("Why you");
        await Assertions.Expect(invitation).ToContainTextAsync("Matching topics");
        await Assertions.Expect(invitation.Locator(".tags")).ToContainTextAsync(topic);
        await Assertions.Expect(invitation).ToContainTextAsync($"From Ana Lindqvist {suffix}");
        await invitation.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status)).ToContainTextAsync("You accepted. The asker has been told.");
        await ContributeAsync(benPage, problemPath, "Sand it back and use **epoxy** on the seam.");

        // Cleo, also asked, replies as well.
        var cleoPage = await browser.NewPageAsync(baseUrl);
        await BrowserSession.SignInAsync(cleoPage, cleo);
        await cleoPage.GotoAsync("/invitations");
        await Assertions.Expect(cleoPage.Locator("li.invitation", new() { HasText = title }).Locator(".tags")).ToContainTextAsync(topic);
        await ContributeAsync(cleoPage, problemPath, "Let the wood dry for two days before sealing.");

        // Ana's inbox has both contributions and the acceptance; she thanks Ben on the problem's page.
        await anaPage.GotoAsync("/inbox");
        var anaInbox = anaPage.Locator("main");
        await Assertions.Expect(anaInbox).ToContainTextAsync($"Ben Okafor {suffix} contributed to your problem \"{title}\".");
        await Assertions.Expect(anaInbox).ToContainTextAsync($"Cleo Marsh {suffix} contributed to your problem \"{title}\".");
        await Assertions.Expect(anaInbox).ToContainTextAsync("was accepted.");
        await anaPage.GotoAsync(problemPath);
        var dialogue = anaPage.Locator("ol.dialogue");
        await Assertions.Expect(dialogue.Locator("strong", new() { HasText = "epoxy" })).ToBeVisibleAsync();
        await Assertions.Expect(dialogue).ToContainTextAsync("Let the wood dry for two days before sealing.");
        await dialogue.Locator("li.contribution", new() { HasText = "epoxy" }).GetByRole(AriaRole.Button, new() { Name = "Thank" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Your thanks are recorded.");
        await benPage.GotoAsync("/inbox");
        await Assertions.Expect(benPage.Locator("main")).ToContainTextAsync($"Ana Lindqvist {suffix} thanked you for your contribution to \"{title}\".");

        // The agreement: Ana proposes, Ben confirms and delivers, both reflect; Ana is offered to state trust in Ben.
        await anaPage.GotoAsync(problemPath);
        await anaPage.GetByRole(AriaRole.Link, new() { Name = "Agreements" }).ClickAsync();
        await anaPage.GetByLabel("Helper's handle").FillAsync(ben.Handle);
        await anaPage.GetByLabel("Scope: what will be done").FillAsync("Seal the keel seam with epoxy.");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Propose agreement" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Your proposal is sent");
        await Assertions.Expect(anaPage.Locator("article")).ToContainTextAsync("Seal the keel seam with epoxy.");

        await benPage.GotoAsync("/inbox");
        await Assertions.Expect(benPage.Locator("main")).ToContainTextAsync($"Ana Lindqvist {suffix} proposed an agreement on “{title}”.");
        await benPage.GotoAsync($"{problemPath}/agreements");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Confirm agreement" }).ClickAsync();
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status)).ToContainTextAsync("confirmed by both");
        await Assertions.Expect(benPage.GetByRole(AriaRole.Paragraph).Filter(new() { HasText = "The problem is" })).ToContainTextAsync("agreed");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Mark delivered" }).ClickAsync();
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked delivered");
        await benPage.GetByLabel("Your reflection").FillAsync("A clear ask, good to work with.");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your reflection is saved");

        await anaPage.GotoAsync("/inbox");
        await Assertions.Expect(anaPage.Locator("main")).ToContainTextAsync($"Ben Okafor {suffix} marked your agreement on “{title}” delivered.");
        await anaPage.GotoAsync($"{problemPath}/agreements");
        await anaPage.GetByLabel("Your reflection").FillAsync("Careful work, the seam holds.");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        var offer = anaPage.Locator("#trust-offer").GetByRole(AriaRole.Link);
        await Assertions.Expect(offer).ToHaveAttributeAsync("href", $"/people/{ben.Handle}?topic={topic}#your-trust");
        await offer.ClickAsync();
        await Assertions.Expect(anaPage.GetByLabel("Topic (optional)")).ToHaveValueAsync(topic);

        // Ana resolves citing both contributions: everyone cited is credited.
        await anaPage.GotoAsync(problemPath);
        await anaPage.GetByRole(AriaRole.Link, new() { Name = "Resolve or close" }).ClickAsync();
        await anaPage.GetByLabel($"Ben Okafor {suffix}", new() { Exact = false }).CheckAsync();
        await anaPage.GetByLabel($"Cleo Marsh {suffix}", new() { Exact = false }).CheckAsync();
        await anaPage.GetByLabel("What came of it").FillAsync($"Epoxy on a dry seam held {suffix}.");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Resolve and credit" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Status)).ToContainTextAsync("everyone you cited is credited");
        var credits = anaPage.Locator(".credits");
        await Assertions.Expect(credits).ToContainTextAsync($"Ben Okafor {suffix}");
        await Assertions.Expect(credits).ToContainTextAsync($"Cleo Marsh {suffix}");

        // The credit on both profiles, under "What they gave", and a notice in both inboxes.
        foreach (var (person, name) in new[] { (ben, $"Ben Okafor {suffix}"), (cleo, $"Cleo Marsh {suffix}") })
        {
            await anaPage.GotoAsync($"/people/{person.Handle}");
            var ledger = anaPage.Locator("#ledger");
            await Assertions.Expect(ledger.Locator("#ledger-title")).ToHaveTextAsync($"What {name} gave");
            await Assertions.Expect(ledger).ToContainTextAsync($"Epoxy on a dry seam held {suffix}.");
        }

        foreach (var page in new[] { benPage, cleoPage })
        {
            await page.GotoAsync("/inbox");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"You were credited in the resolution of “{title}”.");
        }

        Assert.Empty(await anaPage.EvaluateAsync<string[]>(AccessibilityTests.Audit));
    }

    private static async Task ContributeAsync(IPage page, string problemPath, string text)
    {
        await page.GotoAsync(problemPath);
        var form = page.Locator("section[aria-labelledby=contribute]");
        await form.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your contribution is added.");
    }
}
