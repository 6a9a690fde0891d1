using Microsoft.Playwright;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Web.Tests.Browser;

/// <summary>
/// Passkeys as a person lives them, in Chromium with a virtual authenticator standing in for the device's
/// screen lock: add one, name it, sign in with it and no password, remove it, and find it no longer works.
/// </summary>
public sealed class PasskeyJourneyTests
{
    // The virtual authenticator answers passkey autofill (conditional mediation) on its own, where a person
    // would pick the passkey from the email field's suggestions. Unless the test asks for autofill, the page
    // sees a browser without it, so that the "Sign in with a passkey" button is what signs in.
    private const string AutofillSwitch = """
        if (sessionStorage.getItem('test-passkey-autofill') !== 'on') {
          PublicKeyCredential.isConditionalMediationAvailable = async () => false;
        }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Passkey_AddRenameSignInRemove_AndARemovedPasskeyNoLongerSignsIn(DatabaseProvider provider)
    {
        var (app, baseUrl) = await LiveApp.StartAsync(provider);
        await using var _ = app;
        await using var browser = await BrowserSession.StartAsync();
        var person = await app.CreatePersonAsync();
        var page = await browser.NewPageAsync(baseUrl);
        var problems = WatchForProblems(page);
        var authenticator = await VirtualAuthenticator.AttachAsync(page);
        await page.Context.AddInitScriptAsync(AutofillSwitch);

        await SignInWithPasswordAsync(page, person);

        // Add a passkey: the browser asks the authenticator, then the site asks for a name.
        await page.GotoAsync("/Account/Manage/Passkeys");
        await Assertions.Expect(page.GetByText("No passkeys yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage/RenamePasskey/**");
        await page.GetByLabel("Passkey name").FillAsync("Work laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Passkey saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Work laptop" })).ToBeVisibleAsync();
        var credentials = await authenticator.CredentialsAsync();
        Assert.True(credentials is [{ IsResident: true, RpId: "localhost" }], $"The authenticator holds {credentials.Count} credentials");
        var signatures = credentials[0].SignCount;

        // Rename it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Currently \"Work laptop\".")).ToBeVisibleAsync();
        await page.GetByLabel("Passkey name").FillAsync("Home laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Home laptop" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Work laptop" })).ToHaveCountAsync(0);

        // Sign out, then back in with the passkey alone: no email, no password.
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {person.Person.DisplayName}");
        Assert.Equal(signatures + 1, (await authenticator.CredentialsAsync())[0].SignCount);

        // In a browser that offers passkeys as autofill on the email field, choosing it signs in at once.
        await SignOutAsync(page);
        await OfferPasskeyAutofillAsync(page, offer: true);
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {person.Person.DisplayName}");
        Assert.Equal(signatures + 2, (await authenticator.CredentialsAsync())[0].SignCount);
        await OfferPasskeyAutofillAsync(page, offer: false);

        // Remove it.
        await page.GotoAsync("/Account/Manage/Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Passkey deleted.");
        await Assertions.Expect(page.GetByText("No passkeys yet.")).ToBeVisibleAsync();

        // The device still holds the passkey, but the site no longer knows it: a readable refusal, still signed out.
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That passkey did not sign you in.");
        Assert.EndsWith("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        Assert.Empty(problems);
    }

    /// <summary>Console errors and CSP violations, which would mean a script was blocked or failed.</summary>
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

    private static Task OfferPasskeyAutofillAsync(IPage page, bool offer) =>
        page.EvaluateAsync("offer => sessionStorage.setItem('test-passkey-autofill', offer ? 'on' : 'off')", offer);

    private static async Task SignInWithPasswordAsync(IPage page, TestPerson person)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {person.Person.DisplayName}");
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }
}
