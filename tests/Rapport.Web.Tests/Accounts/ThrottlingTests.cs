using System.Net;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

/// <summary>Rate limits per client and per account, with their own app: the shared one lifts them.</summary>
public sealed class ThrottlingTests
{
    private static readonly Dictionary<string, string?> TightLimits = new()
    {
        ["Rapport:Security:RateLimits:LoginPerClient"] = "5",
        ["Rapport:Security:RateLimits:LoginPerAccount"] = "2",
        ["Rapport:Security:RateLimits:RegisterPerClient"] = "2",
        ["Rapport:Security:RateLimits:ForgotPasswordPerClient"] = "2",
        ["Rapport:Security:RateLimits:ResendConfirmationPerClient"] = "2",
        ["Rapport:Security:RateLimits:Window"] = "00:10:00",
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SignIn_OverThePerAccountThenPerClientLimit_Answers429WithAReadablePage(DatabaseProvider provider)
    {
        await using var app = await RapportApp.StartAsync(provider, TightLimits);
        var alice = await app.CreatePersonAsync();
        var bob = await app.CreatePersonAsync();
        var client = app.CreateClient();

        var aliceAttempts = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            aliceAttempts.Add((await AccountClient.SignInAsync(client, alice.Email, "wrong password, again")).StatusCode);
        }

        var perAccount = await AccountClient.SignInAsync(client, alice.Email, alice.Password);
        var bobFirst = await AccountClient.SignInAsync(client, bob.Email, bob.Password);
        var perClient = await AccountClient.SignInAsync(app.CreateClient(), bob.Email, bob.Password);
        var page = await perClient.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Alice: two attempts allowed, the third and the right password refused for her account (429 from the page).
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], aliceAttempts);
        Assert.Equal(HttpStatusCode.TooManyRequests, perAccount.StatusCode);
        Assert.Contains("Too many sign-in attempts for this account", await perAccount.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // Bob's account is fresh, but this address has now used its five posts.
        Assert.Equal(HttpStatusCode.Redirect, bobFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, perClient.StatusCode);
        Assert.True(perClient.Headers.RetryAfter is not null);
        Assert.Contains("<h1>Too many attempts</h1>", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Registration_ForgotPassword_AndResend_AreLimitedPerClient(DatabaseProvider provider)
    {
        await using var app = await RapportApp.StartAsync(provider, TightLimits);
        var client = app.CreateClient();

        var registrations = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var handle = TestPeople.UniqueHandle("thr");
            registrations.Add((await client.SubmitFormAsync("/Account/Register",
                RegistrationTests.Fields($"{handle}@example.org", handle, "Throttled", "violet kettle across nine"))).StatusCode);
        }

        var resets = new List<HttpStatusCode>();
        var resends = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var fields = new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" };
            resets.Add((await client.SubmitFormAsync("/Account/ForgotPassword", fields)).StatusCode);
            resends.Add((await client.SubmitFormAsync("/Account/ResendEmailConfirmation", fields)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], registrations);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], resets);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], resends);
        // Reading the pages is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Register", TestContext.Current.CancellationToken)).StatusCode);
    }
}
