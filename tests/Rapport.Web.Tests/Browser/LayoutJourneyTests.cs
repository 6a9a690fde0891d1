using Microsoft.Playwright;
using Rapport.Core.Persistence;

namespace Rapport.Web.Tests.Browser;

public sealed class LayoutJourneyTests
{
    [Fact]
    public async Task Home_RendersWithStylesAndNoConsoleErrors_AtDesktopAndPhoneWidth()
    {
        var (app, baseUrl) = await LiveApp.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = app;
        await using var browser = await BrowserSession.StartAsync();

        foreach (var width in new[] { 1280, 375 })
        {
            var page = await browser.NewPageAsync(baseUrl, width, 800);
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };

            var failed = new List<string>();
            page.Response += (_, r) =>
            {
                if (r.Status >= 300)
                {
                    failed.Add($"{r.Status} {r.Url}");
                }
            };
            var response = await page.GotoAsync("/");
            Assert.Empty(failed);

            Assert.Equal(200, response!.Status);
            Assert.Equal("Rapport", await page.TitleAsync());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            // The stylesheet loaded (the CSP allows it): the header has its background colour.
            var background = await page.EvalOnSelectorAsync<string>(".site-header", "e => getComputedStyle(e).backgroundColor");
            Assert.Equal("rgb(255, 255, 255)", background);
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"Page is {scrollWidth}px wide at a {width}px viewport");
            Assert.Empty(errors);
        }
    }
}
