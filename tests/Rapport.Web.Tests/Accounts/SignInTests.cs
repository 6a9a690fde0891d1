using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

public sealed class SignInTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SignIn_SetsHostPrefixedSecureHttpOnlyLaxCookie(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();

        var response = await AccountClient.SignInAsync(app.CreateClient(), alice.Email, alice.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attributes = AccountClient.SetCookie(response).Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.StartsWith("__host-rapport=", attributes[0], StringComparison.Ordinal);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SignIn_AfterFiveWrongPasswords_IsPausedEvenWithTheRightPassword(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = app.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await AccountClient.SignInAsync(browser, alice.Email, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var fifth = await AccountClient.SignInAsync(browser, alice.Email, "not the password at all");
        var right = await AccountClient.SignInAsync(browser, alice.Email, alice.Password);

        Assert.EndsWith("Account/Lockout", fifth.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("Account/Lockout", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await AccountClient.IsSignedInAsync(browser));
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByIdAsync(alice.Account.Id);
        var until = account!.LockoutEnd!.Value - TimeProvider.System.GetUtcNow();
        Assert.InRange(until, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5)); // a pause, not a permanent lock
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SignOut_ThenReplayingTheCopiedCookie_IsNotSignedIn(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = app.CreateClient();
        var signIn = await AccountClient.SignInAsync(browser, alice.Email, alice.Password);
        var copied = AccountClient.AuthCookie(signIn);
        Assert.True(await AccountClient.IsSignedInAsync(AccountClient.WithCookie(app, copied)));

        await AccountClient.SignOutAsync(browser);

        Assert.False(await AccountClient.IsSignedInAsync(AccountClient.WithCookie(app, copied)));
        Assert.Equal(0, await SessionCountAsync(app, alice.Account.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ChangePassword_RequiresTheCurrentOne_ThenEndsEveryOtherSession(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var laptop = await app.CreateSignedInClientAsync(alice);
        var phone = await app.CreateSignedInClientAsync(alice);
        const string NewPassword = "a brand new passphrase";

        var wrongCurrent = await laptop.SubmitFormAsync("/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "not my password at all",
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Contains("not your current password", await wrongCurrent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(await AccountClient.IsSignedInAsync(phone));

        var changed = await laptop.SubmitFormAsync("/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = alice.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await AccountClient.IsSignedInAsync(laptop));
        Assert.False(await AccountClient.IsSignedInAsync(phone));
        Assert.Equal(1, await SessionCountAsync(app, alice.Account.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await AccountClient.SignInAsync(app.CreateClient(), alice.Email, NewPassword)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SignOutEverywhereElse_EndsTheOtherDevicesOnly(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var laptop = await app.CreateSignedInClientAsync(alice);
        var phone = await app.CreateSignedInClientAsync(alice);
        var page = await laptop.GetStringAsync("/Account/Manage/Sessions", TestContext.Current.CancellationToken);
        Assert.Contains("this device", page, StringComparison.Ordinal);

        var response = await laptop.SubmitFormAsync("/Account/Manage/Sessions", new Dictionary<string, string>(), "end-other-sessions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await AccountClient.IsSignedInAsync(laptop));
        Assert.False(await AccountClient.IsSignedInAsync(phone));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task DeleteAccount_EndsItsSessionsAndRemovesThePerson(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = app.CreateClient();
        var copied = AccountClient.AuthCookie(await AccountClient.SignInAsync(browser, alice.Email, alice.Password));

        var deleted = await browser.SubmitFormAsync("/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Input.Password"] = alice.Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await AccountClient.IsSignedInAsync(AccountClient.WithCookie(app, copied)));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        Assert.False(await db.People.AnyAsync(p => p.Id == alice.Person.Id, TestContext.Current.CancellationToken));
    }

    internal static async Task<int> SessionCountAsync(RapportApp app, string accountId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        return await db.Sessions.CountAsync(s => s.AccountId == accountId, TestContext.Current.CancellationToken);
    }
}
