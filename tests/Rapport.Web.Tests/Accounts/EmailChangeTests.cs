using System.Net;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

/// <summary>ASVS 5.0 6.2.x / 7.5: changing the email needs the current password and ends the other sessions.</summary>
public sealed class EmailChangeTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ChangeEmail_WithoutTheRightPassword_SendsNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(alice);
        var newEmail = $"new_{alice.Handle}@example.org";

        var missing = await Submit(browser, newEmail, "");
        var wrong = await Submit(browser, newEmail, "not my password at all");

        Assert.Contains("field-error", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("That is not your current password.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, AccountClient.MailCount(app, newEmail));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ChangeEmail_WithPasswordAndConfirmedLink_MovesTheAccountAndSignsOutOtherDevices(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var laptop = await app.CreateSignedInClientAsync(alice);
        var phone = await app.CreateSignedInClientAsync(alice);
        var newEmail = $"new_{alice.Handle}@example.org";

        await ChangeEmailAsync(app, laptop, newEmail, alice.Password);

        Assert.True(await AccountClient.IsSignedInAsync(laptop));
        Assert.False(await AccountClient.IsSignedInAsync(phone));
        Assert.Equal(HttpStatusCode.OK, (await AccountClient.SignInAsync(app.CreateClient(), alice.Email, alice.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountClient.SignInAsync(app.CreateClient(), newEmail, alice.Password)).StatusCode);
    }

    /// <summary>Asks for the change on the page, then opens the mailed link in the same browser.</summary>
    internal static async Task ChangeEmailAsync(RapportApp app, HttpClient browser, string newEmail, string password)
    {
        var asked = await Submit(browser, newEmail, password);
        Assert.Contains($"We sent a link to {newEmail}", await asked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var link = await AccountClient.MailedLinkAsync(app, newEmail, "/Account/ConfirmEmailChange");
        var confirmed = await browser.GetAsync(link, TestContext.Current.CancellationToken);
        Assert.Contains("Your email address is changed", await confirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Submit(HttpClient browser, string newEmail, string password) =>
        browser.SubmitFormAsync("/Account/Manage/Email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.Password"] = password,
        }, "change-email");
}
