using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Browser;

/// <summary>
/// The foundation journey, as two new people would live it in a real browser: register, confirm by the
/// mailed link, sign in, describe what they know, found a community that admits by application, apply,
/// approve, and find each other.
/// </summary>
public sealed partial class MembershipJourneyTests
{
    private const string Password = "a long walk by the harbour";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TwoNewPeople_FoundApplyApprove_AndFindEachOther(DatabaseProvider provider)
    {
        var (app, baseUrl) = await LiveApp.StartAsync(provider);
        await using var _ = app;
        await using var browser = await BrowserSession.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var slug = $"harbour-pilots-{suffix}";

        // Ana registers, confirms, signs in and lists her competences.
        var ana = await browser.NewPageAsync(baseUrl);
        await RegisterAndSignInAsync(ana, app, $"ana_{suffix}", $"Ana Lindqvist {suffix}");
        await ana.GotoAsync("/profile/edit");
        await ana.GetByLabel("Competences").FillAsync("piloting @ Helsinki harbour\nsea charts");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Ana Lindqvist {suffix}");
        await Assertions.Expect(ana.GetByText("Helsinki harbour").First).ToBeVisibleAsync();

        // She founds a community that admits by application, with a question for applicants.
        await ana.GotoAsync("/communities/new");
        await ana.GetByLabel("Name").FillAsync($"Harbour pilots {suffix}");
        await ana.GetByLabel("Address").FillAsync(slug);
        await ana.GetByLabel("Description").FillAsync("Pilots and navigators of the **Helsinki** harbour.");
        await ana.GetByLabel("How people join").SelectOptionAsync("ByApplication");
        await ana.GetByLabel("Questions for applicants").FillAsync("Which waters do you know best?");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Create community" }).ClickAsync();
        await ana.WaitForURLAsync($"**/communities/{slug}");
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Harbour pilots {suffix}");

        // Ben, on another machine, registers and applies.
        var ben = await browser.NewPageAsync(baseUrl);
        await RegisterAndSignInAsync(ben, app, $"ben_{suffix}", $"Ben Okafor {suffix}");
        await ben.GotoAsync($"/communities/{slug}/apply");
        await ben.GetByLabel("Which waters do you know best?").FillAsync("The archipelago east of Suomenlinna.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        await Assertions.Expect(ben.GetByText("pending", new() { Exact = false }).First).ToBeVisibleAsync();

        // Ana reads the answer and approves with a message.
        await ana.GotoAsync($"/communities/{slug}/applications");
        await Assertions.Expect(ana.GetByText("The archipelago east of Suomenlinna.")).ToBeVisibleAsync();
        await ana.GetByLabel("Message to the applicant (optional)").First.FillAsync("Welcome aboard, Ben.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Approve" }).First.ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);

        // Both are members, and each finds the other in the directory.
        await ben.GotoAsync($"/communities/{slug}");
        await Assertions.Expect(ben.GetByRole(AriaRole.Link, new() { Name = $"Ana Lindqvist {suffix}" }).First).ToBeVisibleAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Link, new() { Name = $"Ben Okafor {suffix}" }).First).ToBeVisibleAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Button, new() { Name = "Leave" })).ToBeVisibleAsync();

        await ben.GotoAsync("/people?q=piloting");
        await Assertions.Expect(ben.GetByRole(AriaRole.Link, new() { Name = $"Ana Lindqvist {suffix}" })).ToBeVisibleAsync();
        await ana.GotoAsync($"/people?q=Okafor {suffix}");
        await Assertions.Expect(ana.GetByRole(AriaRole.Link, new() { Name = $"Ben Okafor {suffix}" })).ToBeVisibleAsync();
    }

    private static async Task RegisterAndSignInAsync(IPage page, RapportApp app, string handle, string name)
    {
        var email = $"{handle}@example.test";
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Handle").FillAsync(handle);
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");

        await page.GotoAsync(await ConfirmationLinkAsync(app, email));
        await Assertions.Expect(page.GetByText("your email address is confirmed", new() { Exact = false })).ToBeVisibleAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {name}");
    }

    /// <summary>The link in the newest message to <paramref name="email"/> in the development mail folder.</summary>
    private static async Task<string> ConfirmationLinkAsync(RapportApp app, string email)
    {
        var folder = Path.Combine(app.DataDirectory, "mail");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Order().Reverse() : [])
            {
                var text = await File.ReadAllTextAsync(file);
                if (text.Contains($"To: {email}", StringComparison.Ordinal) && ConfirmLink().Match(text) is { Success: true } match)
                {
                    return match.Value;
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No confirmation mail to {email} in {folder}");
    }

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\S+")]
    private static partial Regex ConfirmLink();
}
