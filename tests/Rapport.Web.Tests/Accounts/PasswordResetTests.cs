using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

/// <summary>ASVS 5.0 6.4: reset links are short-lived, single-use, and die with an email change.</summary>
public sealed class PasswordResetTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ResetLink_WorksOnce_EndsSessions_AndFailsWhenReused(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var elsewhere = await app.CreateSignedInClientAsync(alice);
        var link = await RequestResetLinkAsync(app, alice.Email);

        var first = await ResetAsync(app, link, alice.Email, "first new passphrase here");
        var reused = await ResetAsync(app, link, alice.Email, "second new passphrase here");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("ResetPasswordConfirmation", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await AccountClient.IsSignedInAsync(elsewhere));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("not valid or has expired", await reused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountClient.SignInAsync(app.CreateClient(), alice.Email, "first new passphrase here")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AccountClient.SignInAsync(app.CreateClient(), alice.Email, "second new passphrase here")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ResetLink_AfterAnEmailChange_NoLongerWorks(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var link = await RequestResetLinkAsync(app, alice.Email);
        var newEmail = $"moved_{alice.Handle}@example.org";
        var browser = await app.CreateSignedInClientAsync(alice);
        await EmailChangeTests.ChangeEmailAsync(app, browser, newEmail, alice.Password);

        var reset = await ResetAsync(app, link, newEmail, "a passphrase for the thief");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("not valid or has expired", await reset.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountClient.SignInAsync(app.CreateClient(), newEmail, alice.Password)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ResetTokens_LiveOneHour(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);

        var options = app.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(1), options.TokenLifespan);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ForgotPassword_ForAnUnknownAddress_AnswersTheSameAndSendsNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var unknown = $"{TestPeople.UniqueHandle("nobody")}@example.org";

        var response = await app.CreateClient().SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = unknown });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("ForgotPasswordConfirmation", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, AccountClient.MailCount(app, unknown));
    }

    private static async Task<string> RequestResetLinkAsync(RapportApp app, string email)
    {
        var response = await app.CreateClient().SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await AccountClient.MailedLinkAsync(app, email, "/Account/ResetPassword");
    }

    private static Task<HttpResponseMessage> ResetAsync(RapportApp app, string link, string email, string password) =>
        app.CreateClient().SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
}
