using Microsoft.Playwright;
using Rapport.Testing;

namespace Rapport.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot work here). Skipped with a
/// message when no Chromium is installed locally; CI installs it and fails instead of skipping.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("RAPPORT_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<BrowserSession> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            TestEnvironment.SkipUnlessCi($"No Chromium at {ChromiumPath} (apt-get install chromium), so browser tests are skipped.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A fresh browser profile (its own cookies), like a second person on another machine.</summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // The live app's certificate is a throwaway self-signed one (Infrastructure/TestCertificate).
            IgnoreHTTPSErrors = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs a person in through the login form, as they would, and waits until the form is left.</summary>
    public static async Task SignInAsync(IPage page, TestPerson person)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(person.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
