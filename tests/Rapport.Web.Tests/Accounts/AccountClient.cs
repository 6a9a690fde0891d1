using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

/// <summary>What account tests do as a browser: read mail, sign in and out, replay cookies.</summary>
internal static partial class AccountClient
{
    public const string CookieName = "__Host-rapport";

    /// <summary>The newest link to <paramref name="path"/> mailed to <paramref name="to"/> (waits briefly for the file).</summary>
    public static async Task<string> MailedLinkAsync(RapportApp app, string to, string path)
    {
        var folder = Path.Combine(app.DataDirectory, "mail");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var link = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)
                    .Where(m => m.Contains($"\r\nTo: {to}\r\n", StringComparison.OrdinalIgnoreCase))
                    .SelectMany(m => Link().Matches(m).Select(match => match.Value))
                    .LastOrDefault(l => l.Contains(path, StringComparison.Ordinal))
                : null;
            if (link is not null)
            {
                return link;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"No mail to {to} with a link to {path}.");
    }

    /// <summary>How many mails went to <paramref name="to"/>.</summary>
    public static int MailCount(RapportApp app, string to)
    {
        var folder = Path.Combine(app.DataDirectory, "mail");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Count(f => File.ReadAllText(f).Contains($"\r\nTo: {to}\r\n", StringComparison.OrdinalIgnoreCase))
            : 0;
    }

    /// <summary>Signs in through the form and answers the response (a redirect when it worked).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Posts the sign-out endpoint with an antiforgery token taken from a page.</summary>
    public static async Task SignOutAsync(HttpClient client)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Manage");
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = "",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page, TestContext.Current.CancellationToken);
        var input = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]");
        return input?.GetAttribute("value") ?? throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    /// <summary>True when a signed-in-only page answers 200 rather than a redirect to the sign-in form.</summary>
    public static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/Account/Manage", TestContext.Current.CancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("Account/Login", StringComparison.Ordinal) => false,
            var other => throw new InvalidOperationException($"/Account/Manage answered {(int)other}."),
        };
    }

    /// <summary>The sign-in cookie's value from a response's Set-Cookie headers.</summary>
    public static string AuthCookie(HttpResponseMessage response) =>
        SetCookie(response).Split(';')[0][(CookieName.Length + 1)..];

    /// <summary>The whole Set-Cookie header for the sign-in cookie.</summary>
    public static string SetCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));

    /// <summary>A client that keeps no cookies of its own and sends exactly <paramref name="cookie"/> as the sign-in cookie.</summary>
    public static HttpClient WithCookie(RapportApp app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={cookie}");
        return client;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
