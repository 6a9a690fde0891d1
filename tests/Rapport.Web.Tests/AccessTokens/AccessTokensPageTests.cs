using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Rapport.Core.AccessTokens;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.AccessTokens;

public sealed partial class AccessTokensPageTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TokensPage_CreatesShowsTheSecretOnce_ListsAndRevokes(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(alice);

        var created = await browser.SubmitFormAsync("/settings/tokens",
            new Dictionary<string, string> { ["Input.Name"] = "nightly backup", ["Input.Expiry"] = "30" }, "create-token");
        var createdHtml = await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var secret = Secret().Match(createdHtml).Value;
        var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var used = await script.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        var listHtml = await browser.GetStringAsync("/settings/tokens", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith(AccessTokenSecret.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.DoesNotContain(secret, listHtml, StringComparison.Ordinal);
        Assert.Contains("nightly backup", listHtml, StringComparison.Ordinal);
        Assert.Contains(secret[..AccessTokenSecret.VisiblePrefixLength], listHtml, StringComparison.Ordinal);

        var tokenId = new HtmlParser().ParseDocument(listHtml).QuerySelector("input[name=TokenId]")!.GetAttribute("value");
        var revoked = await browser.SubmitFormAsync("/settings/tokens", new Dictionary<string, string>(), $"revoke-token-{tokenId}");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode);
        var afterRevoke = await browser.GetStringAsync("/settings/tokens", TestContext.Current.CancellationToken);
        Assert.Contains("revoked", afterRevoke, StringComparison.Ordinal);
        Assert.Contains("No tokens yet.", afterRevoke, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TokensPage_WithATooLongName_ShowsTheErrorAndCreatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(alice);

        var response = await browser.SubmitFormAsync("/settings/tokens",
            new Dictionary<string, string> { ["Input.Name"] = new string('n', AccessToken.NameMaxLength + 1), ["Input.Expiry"] = "never" }, "create-token");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("Name can be at most 60 characters.", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(Secret(), html);
        Assert.Contains("No tokens yet.", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"rpt_[A-Za-z0-9_\-]{40,}")]
    private static partial Regex Secret();
}
