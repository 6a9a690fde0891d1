using Microsoft.Playwright;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Web.Tests.Browser;

/// <summary>
/// The main pages, signed out and signed in, as a screen-reader user and a phone meet them: one h1, a main
/// landmark, a label for every field, descriptions that exist, and nothing wider than a 375px screen.
/// </summary>
public sealed class AccessibilityTests
{
    private const int PhoneWidth = 375;

    /// <summary>Returns one line per problem; runs in the page. Other browser tests audit the pages they reach with it.</summary>
    internal const string Audit = """
        () => {
          const problems = [];
          const h1 = document.querySelectorAll('h1').length;
          if (h1 !== 1) problems.push(`${h1} h1 elements`);
          if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one <main>');
          if (!document.title.endsWith('Rapport')) problems.push(`title "${document.title}"`);
          for (const field of document.querySelectorAll('input, select, textarea')) {
            if (['hidden', 'submit', 'button'].includes(field.type)) continue;
            const named = field.labels.length > 0 || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
            if (!named) problems.push(`no label for ${field.tagName.toLowerCase()} name=${field.name}`);
            for (const id of (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)) {
              if (!document.getElementById(id)) problems.push(`aria-describedby points at missing #${id}`);
            }
          }
          for (const control of document.querySelectorAll('a, button')) {
            if (!control.textContent.trim() && !control.getAttribute('aria-label')) problems.push(`${control.tagName.toLowerCase()} without a name`);
          }
          const seen = new Set();
          for (const element of document.querySelectorAll('[id]')) {
            if (seen.has(element.id)) problems.push(`duplicate id ${element.id}`);
            seen.add(element.id);
          }
          const width = document.documentElement.scrollWidth;
          if (width > window.innerWidth) problems.push(`${width}px wide at a ${window.innerWidth}px viewport`);
          return problems;
        }
        """;

    [Fact]
    public async Task MainPages_HaveOneH1_AMainLandmark_LabelledFields_AndFitAPhoneScreen()
    {
        var (app, baseUrl) = await LiveApp.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await using var browser = await BrowserSession.StartAsync();
        var host = await app.CreatePersonAsync();
        var applicant = await app.CreatePersonAsync();
        var problems = new List<string>();

        var visitor = await browser.NewPageAsync(baseUrl, PhoneWidth);
        foreach (var path in new[] { "/", "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/developers/api", "/not-found" })
        {
            problems.AddRange(await VisitAsync(visitor, path));
        }

        var hostPage = await SignedInPageAsync(browser, baseUrl, host);
        var slug = await CreateCommunityAsync(hostPage);
        foreach (var path in new[]
        {
            "/", "/people", "/people?q=zzzz_nobody", $"/people/{host.Handle}", "/profile/edit", "/communities", "/communities/new",
            $"/communities/{slug}", $"/communities/{slug}/applications", $"/communities/{slug}/invitations", $"/communities/{slug}/edit",
            "/join/not-a-real-secret", "/Account/Manage", "/Account/Manage/Sessions", "/Account/Manage/TwoFactorAuthentication", "/settings/tokens",
        })
        {
            problems.AddRange(await VisitAsync(hostPage, path));
        }

        // A form sent back with errors keeps every field labelled and described.
        await hostPage.GotoAsync("/profile/edit");
        await hostPage.GetByLabel("Display name").FillAsync("");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(hostPage.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        problems.AddRange(await CheckAsync(hostPage, "/profile/edit after a bad submit"));

        var applicantPage = await SignedInPageAsync(browser, baseUrl, applicant);
        problems.AddRange(await VisitAsync(applicantPage, $"/communities/{slug}/apply"));

        problems.AddRange(await TrustPagesAsync(hostPage, applicantPage, host, applicant));
        problems.AddRange(await RecommendationPagesAsync(hostPage, applicantPage));
        problems.AddRange(await ProblemPagesAsync(hostPage, applicantPage));

        Assert.Empty(problems);
    }

    /// <summary>
    /// The trust pages, with a statement stated through the form (after a bad submit). Pages that show computed trust
    /// are visited before anyone states trust, and again after only once the trust engine is in this build.
    /// </summary>
    private static async Task<IReadOnlyList<string>> TrustPagesAsync(IPage hostPage, IPage applicantPage, TestPerson host, TestPerson applicant)
    {
        var problems = new List<string>();
        foreach (var path in new[] { "/trust", "/trust/web", "/trust/web?topic=sailing" })
        {
            problems.AddRange(await VisitFoundAsync(hostPage, path));
        }

        problems.AddRange(await VisitFoundAsync(applicantPage, $"/people/{host.Handle}?topic=sailing"));

        await hostPage.GotoAsync("/trust");
        await hostPage.GetByLabel("Person (handle)").FillAsync("nobody_by_that_name");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "State trust" }).ClickAsync();
        await Assertions.Expect(hostPage.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        problems.AddRange(await CheckAsync(hostPage, "/trust after a bad submit"));
        await hostPage.GetByLabel("Person (handle)").FillAsync(applicant.Handle);
        await hostPage.GetByLabel("Topic (optional)").FillAsync("sailing");
        await hostPage.GetByLabel("How much do you trust them?").SelectOptionAsync(new SelectOptionValue { Label = "Some: I trust them somewhat" });
        await hostPage.GetByLabel("Note (optional)").FillAsync("Knows the *harbour*.");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "State trust" }).ClickAsync();
        await Assertions.Expect(hostPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("saved");
        var edit = await hostPage.GetByRole(AriaRole.Link, new() { Name = "Edit: trust in", Exact = false }).First.GetAttributeAsync("href");
        var id = edit!.Split('/')[2];
        foreach (var path in new[] { "/trust", "/trust?revoked=true", $"/trust/{id}/edit", $"/trust/{id}/history", $"/trust/{id}/revoke" })
        {
            problems.AddRange(await VisitFoundAsync(hostPage, path));
        }

        problems.AddRange(await VisitFoundAsync(hostPage, "/trust/web?topic=sailing"));
        problems.AddRange(await VisitFoundAsync(hostPage, $"/people/{applicant.Handle}?topic=sailing"));

        return problems;
    }

    /// <summary>
    /// The recommendation pages, empty and then with an item, a recommendation and a collection made through the forms
    /// (each form also sent back with errors once).
    /// </summary>
    private static async Task<IReadOnlyList<string>> RecommendationPagesAsync(IPage hostPage, IPage applicantPage)
    {
        var problems = new List<string>();
        foreach (var path in new[] { "/feed", "/feed?view=chronological&topic=sailing", "/items", "/items/new", "/recommendations", "/collections", "/collections/new" })
        {
            problems.AddRange(await VisitFoundAsync(hostPage, path));
        }

        await hostPage.GotoAsync("/items/new");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(hostPage.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        problems.AddRange(await CheckAsync(hostPage, "/items/new after a bad submit"));
        await hostPage.GetByLabel("Title").FillAsync("A very long title for a harbour guide that has to wrap on a phone screen without overflowing");
        await hostPage.GetByLabel("What is it?").SelectOptionAsync(new SelectOptionValue { Label = "Book" });
        await hostPage.GetByLabel("Web address (optional)").FillAsync("https://example.org/a/very/long/address/that/must/wrap/on/a/phone/screen/without/overflowing");
        await hostPage.GetByLabel("Topics (optional)").FillAsync("sailing, harbours");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await hostPage.WaitForURLAsync(url => url.Contains("/items/0", StringComparison.Ordinal));
        var item = new Uri(hostPage.Url).AbsolutePath;
        await hostPage.Locator("#your-recommendation").GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        await Assertions.Expect(hostPage.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        problems.AddRange(await CheckAsync(hostPage, $"{item} after a bad submit"));
        await hostPage.GetByLabel("3 of 5 stars", new() { Exact = true }).CheckAsync();
        await hostPage.Locator("#your-recommendation").GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        await hostPage.WaitForURLAsync(url => url.Contains("done=recommended", StringComparison.Ordinal));
        var history = await hostPage.GetByRole(AriaRole.Link, new() { Name = "History" }).GetAttributeAsync("href");

        await hostPage.GotoAsync("/collections/new");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Create collection" }).ClickAsync();
        await Assertions.Expect(hostPage.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        problems.AddRange(await CheckAsync(hostPage, "/collections/new after a bad submit"));
        await hostPage.GetByLabel("Title").FillAsync("Harbour reading");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Create collection" }).ClickAsync();
        await hostPage.WaitForURLAsync(url => url.Contains("done=created", StringComparison.Ordinal));
        var collection = new Uri(hostPage.Url).AbsolutePath;
        await hostPage.GotoAsync(item);
        await hostPage.GetByLabel("Collection", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Harbour reading" });
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Add to collection" }).ClickAsync();
        await hostPage.WaitForURLAsync(url => url.Contains("done=collected", StringComparison.Ordinal));

        foreach (var path in new[]
        {
            item, $"{item}?topic=sailing", history!, history!.Replace("/history", "/revoke", StringComparison.Ordinal), "/recommendations",
            "/items?q=harbour", collection, $"{collection}/edit", $"{collection}/delete", "/collections",
        })
        {
            problems.AddRange(await VisitFoundAsync(hostPage, path));
        }

        problems.AddRange(await VisitFoundAsync(applicantPage, collection));
        problems.AddRange(await VisitFoundAsync(applicantPage, item));
        return problems;
    }

    /// <summary>
    /// The problem pages: the list, composing (a bad submit, then similar problems, then posting), the problem with a
    /// threaded dialogue (a perspective, a reply with a quote) and the edit page.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ProblemPagesAsync(IPage hostPage, IPage applicantPage)
    {
        var problems = new List<string>();
        problems.AddRange(await VisitFoundAsync(hostPage, "/problems"));
        problems.AddRange(await VisitFoundAsync(hostPage, "/problems/new"));
        await hostPage.GetByLabel("Title").FillAsync("x");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Assertions.Expect(hostPage.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        problems.AddRange(await CheckAsync(hostPage, "/problems/new after a bad submit"));
        await hostPage.GetByLabel("Title").FillAsync("Where can a small wooden boat spend a long winter without a crane nearby");
        await hostPage.GetByLabel("Description").FillAsync("Six metres, *wooden*.");
        await hostPage.GetByLabel("Topics (optional)").FillAsync("sailing, boat repair");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Check for similar problems" }).ClickAsync();
        await Assertions.Expect(hostPage.GetByRole(AriaRole.Heading, new() { Name = "Similar problems already asked" })).ToBeVisibleAsync();
        problems.AddRange(await CheckAsync(hostPage, "/problems/new with similar problems"));
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await hostPage.WaitForURLAsync(url => url.Contains("done=posted", StringComparison.Ordinal));
        var problem = new Uri(hostPage.Url).AbsolutePath;

        await applicantPage.GotoAsync(problem);
        await applicantPage.GetByLabel("What is it?").SelectOptionAsync(new SelectOptionValue { Label = "Perspective" });
        await applicantPage.GetByLabel("Text", new() { Exact = true }).FillAsync("The harbour is full in November; ask early.");
        await applicantPage.GetByLabel("Perspective's name (for a perspective)").FillAsync("The harbour master's view");
        await applicantPage.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await applicantPage.WaitForURLAsync(url => url.Contains("done=contributed", StringComparison.Ordinal));
        await hostPage.GotoAsync(problem);
        await hostPage.GetByRole(AriaRole.Link, new() { Name = "Reply", Exact = true }).First.ClickAsync();
        await hostPage.GetByLabel("Quote (optional)").FillAsync("full in November");
        await hostPage.GetByLabel("Text", new() { Exact = true }).FillAsync("Thank you, I will call tomorrow.");
        await hostPage.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await hostPage.WaitForURLAsync(url => url.Contains("done=contributed", StringComparison.Ordinal));
        problems.AddRange(await CheckAsync(hostPage, $"{problem} with a threaded dialogue"));
        problems.AddRange(await VisitFoundAsync(hostPage, $"{problem}/edit"));
        problems.AddRange(await VisitFoundAsync(applicantPage, problem));
        problems.AddRange(await VisitFoundAsync(hostPage, "/problems?listing=mine"));
        return problems;
    }

    /// <summary>Like <see cref="VisitAsync"/>, and the page must answer 200: an error page would pass the audit.</summary>
    private static async Task<IReadOnlyList<string>> VisitFoundAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        return response is { Status: 200 } ? await CheckAsync(page, path) : [$"{path}: answered {response?.Status}"];
    }

    private static async Task<IReadOnlyList<string>> VisitAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        return response is null ? [$"{path}: no response"] : await CheckAsync(page, path);
    }

    private static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string what) =>
        [.. (await page.EvaluateAsync<string[]>(Audit)).Select(problem => $"{what}: {problem}")];

    private static async Task<IPage> SignedInPageAsync(BrowserSession browser, Uri baseUrl, TestPerson person)
    {
        var page = await browser.NewPageAsync(baseUrl, PhoneWidth);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(person.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    private static async Task<string> CreateCommunityAsync(IPage page)
    {
        var slug = $"a11y-{Guid.NewGuid():N}"[..20];
        await page.GotoAsync("/communities/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Quiet readers");
        await page.GetByLabel("Address").FillAsync(slug);
        await page.GetByLabel("How people join").SelectOptionAsync("ByApplication");
        await page.GetByLabel("Questions for applicants").FillAsync("What would you like to read together?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create community" }).ClickAsync();
        await page.WaitForURLAsync($"**/communities/{slug}");
        return slug;
    }
}
