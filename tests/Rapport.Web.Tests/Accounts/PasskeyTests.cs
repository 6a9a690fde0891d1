using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

/// <summary>
/// The passkey endpoints and forms without a browser: what they ask authenticators for, and what they answer to
/// requests a browser would not make. The journey itself is Browser/PasskeyJourneyTests.
/// </summary>
public sealed class PasskeyTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task RequestOptions_ListNoCredentials_AndRequireUserVerification(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = app.CreateClient();

        var options = await OptionsAsync(client, "/Account/Login", "/Account/PasskeyRequestOptions");

        Assert.Equal("localhost", options.GetProperty("rpId").GetString());
        Assert.Equal(0, options.GetProperty("allowCredentials").GetArrayLength());
        Assert.Equal("required", options.GetProperty("userVerification").GetString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CreationOptions_AskForADiscoverableVerifiedPasskey(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(alice);

        var options = await OptionsAsync(browser, "/Account/Manage/Passkeys", "/Account/PasskeyCreationOptions");

        Assert.Equal("localhost", options.GetProperty("rp").GetProperty("id").GetString());
        var selection = options.GetProperty("authenticatorSelection");
        Assert.Equal("required", selection.GetProperty("residentKey").GetString());
        Assert.Equal("required", selection.GetProperty("userVerification").GetString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Options_WithoutTheAntiforgeryHeader_AreRefusedWith400(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(alice);

        var request = await browser.PostAsync("/Account/PasskeyRequestOptions", null, TestContext.Current.CancellationToken);
        var creation = await browser.PostAsync("/Account/PasskeyCreationOptions", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, request.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, creation.StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SignIn_WithAPasskeyButNoRequestUnderway_ShowsAReadableError(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = app.CreateClient();

        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Passkey.CredentialJson"] = """{"id":"AAAA","type":"public-key"}""",
        }, formName: "login");

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That passkey did not sign you in", html, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AddPasskey_WithNoRequestUnderway_ReturnsToThePageWithAnError(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(alice);

        var response = await browser.SubmitFormAsync("/Account/Manage/Passkeys", new Dictionary<string, string>
        {
            ["Input.CredentialJson"] = """{"id":"AAAA","type":"public-key"}""",
        }, formName: "add-passkey");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Manage/Passkeys", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await browser.GetStringAsync("/Account/Manage/Passkeys", TestContext.Current.CancellationToken);
        Assert.Contains("Error: The passkey request expired", page, StringComparison.Ordinal);
    }

    /// <summary>Posts to an options endpoint the way the page's script does, with the token the page carries.</summary>
    private static async Task<JsonElement> OptionsAsync(HttpClient client, string page, string endpoint)
    {
        var html = await client.GetStringAsync(page, TestContext.Current.CancellationToken);
        var element = new HtmlParser().ParseDocument(html).QuerySelector("passkey-submit")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Headers.Add(element.GetAttribute("request-token-name")!, element.GetAttribute("request-token-value"));
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
    }
}
