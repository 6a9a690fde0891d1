using System.Net;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

/// <summary>Every account page renders (or redirects where it should), for the right audience.</summary>
public sealed class AccountPagesTests(Apps apps)
{
    private static readonly string[] AnonymousPages =
    [
        "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ForgotPasswordConfirmation",
        "/Account/ResendEmailConfirmation", "/Account/RegisterConfirmation?email=a%40example.org", "/Account/Lockout",
        "/Account/AccessDenied", "/Account/InvalidPasswordReset", "/Account/InvalidUser", "/Account/ResetPasswordConfirmation",
        "/Account/ResetPassword?code=bm90LWEtdG9rZW4", "/Account/ConfirmEmail?userId=nobody&code=bm9wZQ",
    ];

    private static readonly string[] SignedInPages =
    [
        "/Account/Manage", "/Account/Manage/Email", "/Account/Manage/ChangePassword", "/Account/Manage/Passkeys",
        "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/EnableAuthenticator", "/Account/Manage/ResetAuthenticator",
        "/Account/Manage/Sessions", "/Account/Manage/PersonalData", "/Account/Manage/DeletePersonalData", "/settings/tokens",
    ];

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AnonymousPages_RenderForAnonymousVisitorsWithOneH1AndTitle(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = app.CreateClient();

        foreach (var page in AnonymousPages)
        {
            var response = await client.GetAsync(page, TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            AssertWellFormed(page, html);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ManagePages_RenderWhenSignedIn_AndRedirectAnonymousVisitorsToSignIn(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(alice);
        var anonymous = app.CreateClient();

        foreach (var page in SignedInPages)
        {
            var response = await browser.GetAsync(page, TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            AssertWellFormed(page, html);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

            var denied = await anonymous.GetAsync(page, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("Account/Login", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    private static void AssertWellFormed(string page, string html)
    {
        Assert.True(html.Split("<h1").Length == 2, $"{page} should have exactly one h1");
        Assert.Contains(" · Rapport</title>", html, StringComparison.Ordinal);
        foreach (var bootstrap in new[] { "form-floating", "btn ", "btn-", "col-", "form-control", "class=\"row", "text-danger" })
        {
            Assert.False(html.Contains(bootstrap, StringComparison.Ordinal), $"{page} still uses '{bootstrap}'");
        }

        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }
}
