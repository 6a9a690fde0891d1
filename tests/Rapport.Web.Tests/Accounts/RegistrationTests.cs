using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Accounts;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

public sealed class RegistrationTests(Apps apps)
{
    private const string Password = "violet kettle across nine";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Register_ThroughThePage_ConfirmByMailedLink_ThenSignIn(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var browser = app.CreateClient();
        var handle = TestPeople.UniqueHandle("reg");
        var email = $"{handle}@example.org";

        var registered = await browser.SubmitFormAsync("/Account/Register", Fields(email, handle, "Reggie Tester", Password));
        var beforeConfirming = await AccountClient.SignInAsync(app.CreateClient(), email, Password);
        var link = await AccountClient.MailedLinkAsync(app, email, "/Account/ConfirmEmail");
        var confirmed = await browser.GetAsync(link, TestContext.Current.CancellationToken);
        var signedIn = await AccountClient.SignInAsync(browser, email, Password);
        var me = await browser.GetFromJsonAsync<MeResponse>("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains("/Account/RegisterConfirmation", registered.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, beforeConfirming.StatusCode); // the form again, with an error: not confirmed yet
        Assert.DoesNotContain("&amp;", link, StringComparison.Ordinal);
        Assert.Contains("&code=", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("your email address is confirmed", await confirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(new MeResponse(handle, "Reggie Tester"), me);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Register_WithBadInput_AnswersReadableErrorsAndCreatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var taken = await app.CreatePersonAsync();
        var cases = new (string Field, string Value, string Message)[]
        {
            ("Input.Password", "too short", "at least 12 characters"),
            ("Input.Password", "qwerty123456", "list of common passwords"),
            ("Input.Handle", "no spaces please", "letters a–z, digits and underscores"),
            ("Input.Handle", taken.Handle, "That handle is taken."),
            ("Input.ConfirmPassword", "something else entirely", "The two passwords do not match."),
        };

        foreach (var (field, value, message) in cases)
        {
            var handle = TestPeople.UniqueHandle("bad");
            var email = $"{handle}@example.org";
            var fields = Fields(email, handle, "Bad Input", Password);
            fields[field] = value;
            if (field == "Input.Password")
            {
                fields["Input.ConfirmPassword"] = value;
            }

            var response = await app.CreateClient().SubmitFormAsync("/Account/Register", fields);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(message), html, StringComparison.Ordinal);
            Assert.Contains("class=\"field-error\"", html, StringComparison.Ordinal);
            if (field.Contains("Password", StringComparison.Ordinal))
            {
                Assert.DoesNotContain($"value=\"{value}\"", html, StringComparison.Ordinal); // passwords are never echoed back
            }

            await AssertNoAccountAsync(app, email);
        }
    }

    internal static Dictionary<string, string> Fields(string email, string handle, string displayName, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Handle"] = handle,
        ["Input.DisplayName"] = displayName,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private static async Task AssertNoAccountAsync(RapportApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, TestContext.Current.CancellationToken));
    }
}
