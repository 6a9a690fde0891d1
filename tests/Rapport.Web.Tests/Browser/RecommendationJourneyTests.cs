using Microsoft.Playwright;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Trust;

namespace Rapport.Web.Tests.Browser;

/// <summary>
/// Recommending as two people live it in a real browser: Ana trusts Ben on cooking; Ben adds a book and recommends it
/// (four stars, a note) on cooking, and recommends another item privately; Ana's feed shows the book with why (Ben,
/// whom she trusts a lot on cooking), the same in the chronological view; the book's page names Ben among the people
/// she trusts and predicts her rating; she makes a collection and adds the book; Ben follows it and forks it, and the
/// fork names its origin. Ben's private recommendation never shows anywhere Ana looks.
/// </summary>
public sealed class RecommendationJourneyTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task RecommendOnATopic_ReachesTheFeedOfWhoTrustsYou_WithWhy_ThenCollectFollowAndFork(DatabaseProvider provider)
    {
        var (app, baseUrl) = await LiveApp.StartAsync(provider);
        await using var _ = app;
        await using var browser = await BrowserSession.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ana = await app.CreatePersonAsync(displayName: $"Ana Lindqvist {suffix}");
        var ben = await app.CreatePersonAsync(displayName: $"Ben Okafor {suffix}");
        await app.StateAsync(ana, ben, 0.6, "cooking");
        var book = $"Bread at home {suffix}";
        var secret = $"Hidden gem {suffix}";

        // Ben adds a book and recommends it on cooking, for everyone; and another item, privately.
        var benPage = await browser.NewPageAsync(baseUrl);
        var problems = WatchForProblems(benPage);
        await BrowserSession.SignInAsync(benPage, ben);
        var bookUrl = await AddItemAsync(benPage, book, "Book", $"https://example.org/books/bread-{suffix}", "cooking");
        await RecommendAsync(benPage, "4 of 5 stars", "The **crumb** chapter alone is worth it.", "cooking", "Public: everyone signed in");
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Your recommendation is saved.");
        await Assertions.Expect(benPage.Locator("#your-recommendation")).ToContainTextAsync("4 of 5 stars");
        var secretUrl = await AddItemAsync(benPage, secret, "Place", null, "cooking");
        await RecommendAsync(benPage, "5 of 5 stars", $"Only for me {suffix}", "cooking", "Private: only you");
        await Assertions.Expect(benPage.Locator("#your-recommendation")).ToContainTextAsync("Only you");

        // Adding the same address again leads to the existing item.
        await benPage.GotoAsync("/items/new");
        await benPage.GetByLabel("Title").FillAsync("The same book again");
        await benPage.GetByLabel("What is it?").SelectOptionAsync(new SelectOptionValue { Label = "Book" });
        await benPage.GetByLabel("Web address (optional)").FillAsync($"https://EXAMPLE.org/books/bread-{suffix}");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(benPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(book);
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status)).ToContainTextAsync("already an item");

        // Ana's feed on cooking: the book, with why, and nothing of Ben's private recommendation.
        var anaPage = await browser.NewPageAsync(baseUrl);
        problems.AddRange(WatchForProblems(anaPage));
        await BrowserSession.SignInAsync(anaPage, ana);
        await anaPage.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Feed" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Recommended by people you trust");
        await anaPage.GetByLabel("Topic", new() { Exact = true }).FillAsync("cooking");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var entry = anaPage.Locator(".feed-entry", new() { HasText = book });
        await Assertions.Expect(entry).ToBeVisibleAsync();
        await Assertions.Expect(entry.Locator(".why")).ToContainTextAsync($"Ben Okafor {suffix}, whom you trust a lot on cooking");
        await Assertions.Expect(entry.Locator(".why").GetByRole(AriaRole.Link, new() { Name = $"Ben Okafor {suffix}", Exact = true })).ToHaveAttributeAsync("href", $"/people/{ben.Handle}");
        await Assertions.Expect(entry.GetByRole(AriaRole.Link, new() { Name = $"How you trust Ben Okafor {suffix}" })).ToBeVisibleAsync();
        await Assertions.Expect(entry).ToContainTextAsync("rated it 4 of 5");
        await Assertions.Expect(entry.Locator("strong", new() { HasText = "crumb" })).ToBeVisibleAsync();
        Assert.Equal(0, await anaPage.GetByText(secret).CountAsync());
        Assert.Empty(await anaPage.EvaluateAsync<string[]>(AccessibilityTests.Audit));

        // One click to the chronological view of the same sources.
        await anaPage.GetByRole(AriaRole.Link, new() { Name = "Newest first" }).ClickAsync();
        await anaPage.WaitForURLAsync(url => url.Contains("view=chronological", StringComparison.Ordinal));
        await Assertions.Expect(anaPage.Locator(".feed-entry", new() { HasText = book })).ToBeVisibleAsync();
        Assert.Equal(0, await anaPage.GetByText(secret).CountAsync());

        // The book's page: Ben among the people she trusts, and a predicted rating with how sure it is.
        await anaPage.Locator(".feed-entry", new() { HasText = book }).GetByRole(AriaRole.Link, new() { Name = book }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(book);
        var trusted = anaPage.Locator("[aria-labelledby=trusted-recommenders]");
        await Assertions.Expect(trusted.GetByRole(AriaRole.Link, new() { Name = $"Ben Okafor {suffix}", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(anaPage.Locator("[aria-labelledby=for-you]")).ToContainTextAsync("About 4.0 of 5");
        await Assertions.Expect(anaPage.Locator("[aria-labelledby=for-you]")).ToContainTextAsync("from one rating by people you trust");
        await Assertions.Expect(anaPage.Locator("a.item-url")).ToHaveAttributeAsync("rel", "nofollow noopener ugc");
        Assert.Empty(await anaPage.EvaluateAsync<string[]>(AccessibilityTests.Audit));

        // The private recommendation is nowhere: not on its item's page, not on Ben's profile.
        await anaPage.GotoAsync(secretUrl);
        await Assertions.Expect(anaPage.Locator("[aria-labelledby=trusted-recommenders]")).ToContainTextAsync("Nobody you trust has recommended it");
        await Assertions.Expect(anaPage.Locator("[aria-labelledby=for-you]")).ToContainTextAsync("no prediction");
        Assert.Equal(0, await anaPage.GetByText($"Only for me {suffix}").CountAsync());
        await anaPage.GotoAsync($"/people/{ben.Handle}");
        var theirs = anaPage.Locator("#their-recommendations");
        await Assertions.Expect(theirs.GetByRole(AriaRole.Link, new() { Name = book })).ToBeVisibleAsync();
        Assert.Equal(0, await theirs.GetByText(secret).CountAsync());

        // Ana makes a collection and adds the book to it.
        await anaPage.GotoAsync("/collections/new");
        await anaPage.GetByLabel("Title").FillAsync($"Bread shelf {suffix}");
        await anaPage.GetByLabel("Description (optional)").FillAsync("Books that taught me bread.");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Create collection" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Bread shelf {suffix}");
        var collectionUrl = new Uri(anaPage.Url).AbsolutePath;
        await anaPage.GotoAsync(bookUrl);
        await anaPage.GetByLabel("Collection", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Bread shelf {suffix}" });
        await anaPage.GetByLabel("Note for this entry (optional)").FillAsync("Start here.");
        await anaPage.GetByRole(AriaRole.Button, new() { Name = "Add to collection" }).ClickAsync();
        await Assertions.Expect(anaPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Added to your collection.");
        await anaPage.GotoAsync(collectionUrl);
        await Assertions.Expect(anaPage.Locator(".collection-entries")).ToContainTextAsync(book);
        await Assertions.Expect(anaPage.Locator(".collection-entries")).ToContainTextAsync("Start here.");

        // Ben follows it, then forks it: the fork names where it came from.
        await benPage.GotoAsync(collectionUrl);
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
        await Assertions.Expect(benPage.GetByRole(AriaRole.Status)).ToContainTextAsync("You follow this collection.");
        await Assertions.Expect(benPage.GetByRole(AriaRole.Button, new() { Name = "Unfollow" })).ToBeVisibleAsync();
        await benPage.GotoAsync("/collections");
        await Assertions.Expect(benPage.Locator("[aria-labelledby=collections-followed]").GetByRole(AriaRole.Link, new() { Name = $"Bread shelf {suffix}" })).ToBeVisibleAsync();
        await benPage.GotoAsync(collectionUrl);
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Fork into my collections" }).ClickAsync();
        await benPage.WaitForURLAsync(url => url.Contains("done=forked", StringComparison.Ordinal));
        Assert.NotEqual(collectionUrl, new Uri(benPage.Url).AbsolutePath);
        await Assertions.Expect(benPage.Locator(".forked-from")).ToContainTextAsync($"Forked from Bread shelf {suffix} by Ana Lindqvist {suffix}");
        await Assertions.Expect(benPage.Locator(".collection-entries")).ToContainTextAsync(book);
        await Assertions.Expect(benPage.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToBeVisibleAsync();
        Assert.Empty(await benPage.EvaluateAsync<string[]>(AccessibilityTests.Audit));
        Assert.Empty(problems);
    }

    /// <summary>Adds an item through the form and answers its page's path.</summary>
    private static async Task<string> AddItemAsync(IPage page, string title, string kind, string? url, string topics)
    {
        await page.GotoAsync("/items/new");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("What is it?").SelectOptionAsync(new SelectOptionValue { Label = kind });
        if (url is not null)
        {
            await page.GetByLabel("Web address (optional)").FillAsync(url);
        }

        await page.GetByLabel("Topics (optional)").FillAsync(topics);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        return new Uri(page.Url).AbsolutePath;
    }

    private static async Task RecommendAsync(IPage page, string rating, string note, string topic, string visibility)
    {
        var form = page.Locator("#your-recommendation");
        await form.GetByLabel(rating, new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Note (optional)").FillAsync(note);
        await form.GetByLabel("Topic (optional)").FillAsync(topic);
        await form.GetByLabel(visibility, new() { Exact = false }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => url.Contains("done=recommended", StringComparison.Ordinal));
        }
        catch (Exception)
        {
            await File.WriteAllTextAsync("/tmp/rj-debug.html", await page.ContentAsync());
            throw;
        }
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
