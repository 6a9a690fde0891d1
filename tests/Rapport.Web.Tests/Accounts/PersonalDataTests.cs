using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

/// <summary>Downloading and deleting one's own data from the account pages.</summary>
public sealed class PersonalDataTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Download_HoldsProfileAndCompetences_ButNotTheAuthenticatorKey(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync(configure: p =>
        {
            p.Bio = "Builds *chairs*.";
            p.Competences.Add(new Competence { Topic = "woodworking", Context = "chairs" });
        });
        var browser = await app.CreateSignedInClientAsync(alice);
        var setup = await browser.GetStringAsync("/Account/Manage/EnableAuthenticator", Ct);
        var shownKey = new HtmlParser().ParseDocument(setup).QuerySelector("kbd")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var enabled = await browser.SubmitFormAsync("/Account/Manage/EnableAuthenticator",
            new Dictionary<string, string> { ["Input.Code"] = TwoFactorTests.Totp(shownKey) }, "send-code");
        Assert.Contains("Your authenticator app has been verified.", await enabled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        string storedKey;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            storedKey = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(alice.Account.Id))!))!;
        }

        var download = await DownloadAsync(browser);
        var json = await download.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(alice.Handle, json, StringComparison.Ordinal);
        Assert.Contains("woodworking", json, StringComparison.Ordinal);
        Assert.Contains("Builds *chairs*.", json, StringComparison.Ordinal);
        Assert.Contains("\"twoFactorEnabled\": true", json, StringComparison.Ordinal);
        Assert.DoesNotContain(storedKey, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(shownKey, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passwordHash", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Delete_LastHostWithOtherMembers_ShowsTheConflictAndKeepsTheAccount(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreatePersonAsync();
        var member = await app.CreatePersonAsync();
        var name = $"Owls {Guid.NewGuid():N}"[..14];
        await CommunityAsync(app, name, (host, CommunityRole.Host), (member, CommunityRole.Member));
        var browser = await app.CreateSignedInClientAsync(host);

        var response = await browser.SubmitFormAsync("/Account/Manage/DeletePersonalData",
            new Dictionary<string, string> { ["Input.Password"] = host.Password });
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = new HtmlParser().ParseDocument(html).QuerySelector("[role=alert]")?.TextContent;
        Assert.Contains($"Make another member a host of {name} first", alert, StringComparison.Ordinal);
        Assert.True(await AccountExistsAsync(app, host));
        Assert.True(await AccountClient.IsSignedInAsync(browser));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Delete_WithAnotherHost_DeletesTheAccountAndSignsOut(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var leaving = await app.CreatePersonAsync();
        var cohost = await app.CreatePersonAsync();
        await CommunityAsync(app, "Shared hosts", (leaving, CommunityRole.Host), (cohost, CommunityRole.Host));
        var browser = await app.CreateSignedInClientAsync(leaving);

        var response = await browser.SubmitFormAsync("/Account/Manage/DeletePersonalData",
            new Dictionary<string, string> { ["Input.Password"] = leaving.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await AccountExistsAsync(app, leaving));
        Assert.False(await AccountClient.IsSignedInAsync(browser));
    }

    /// <summary>Posts the page's download form (its antiforgery token included), as the Download button does.</summary>
    private static async Task<HttpResponseMessage> DownloadAsync(HttpClient browser)
    {
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync("/Account/Manage/PersonalData", Ct));
        var form = page.Forms.Single(f => f.GetAttribute("action") == "/Account/Manage/DownloadPersonalData");
        var hidden = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        return await browser.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent(hidden), Ct);
    }

    private static async Task CommunityAsync(RapportApp app, string name, params (TestPerson Person, CommunityRole Role)[] members)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var community = new Community { Slug = $"c-{Guid.NewGuid():N}"[..20], Name = name, MembershipMode = MembershipMode.Open, CreatedAt = now };
        community.Memberships.AddRange(members.Select(m => new Membership { PersonId = m.Person.Person.Id, Role = m.Role, JoinedAt = now }));
        db.Communities.Add(community);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<bool> AccountExistsAsync(RapportApp app, TestPerson person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        return await db.Users.AnyAsync(a => a.Id == person.Account.Id, Ct) && await db.People.AnyAsync(p => p.Id == person.Person.Id, Ct);
    }
}
