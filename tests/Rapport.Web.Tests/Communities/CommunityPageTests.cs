using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Communities;

public sealed partial class CommunityPageTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> GetHtmlAsync(HttpClient browser, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await browser.GetAsync(url, Ct);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static void AssertRedirectTo(HttpResponseMessage response, string path)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to {path}, got {(int)response.StatusCode}");
        Assert.Equal(path, response.Headers.Location?.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal));
    }

    private static async Task<string> CreateByApplicationAsync(HttpClient browser, string slug)
    {
        var created = await browser.SubmitFormAsync("/communities/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Harbour pilots",
            ["Input.Slug"] = slug,
            ["Input.Description"] = "We *guide* ships into harbour.",
            ["Input.Norms"] = "Be on time.",
            ["Input.MembershipMode"] = "ByApplication",
            ["Input.Questions"] = "Why do you want to join?\r\nWhere do you sail?",
        }, "create-community");
        AssertRedirectTo(created, $"/communities/{slug}");
        return slug;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Journey_CreateByApplication_ApplyApprove_BothSeeEachOther(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var hostPerson = await app.CreatePersonAsync();
        var applicantPerson = await app.CreatePersonAsync();
        var host = await app.CreateSignedInClientAsync(hostPerson);
        var applicant = await app.CreateSignedInClientAsync(applicantPerson);
        var slug = await CreateByApplicationAsync(host, CommunityApiClient.NewSlug());

        var applyForm = await GetHtmlAsync(applicant, $"/communities/{slug}/apply");
        Assert.Contains("Why do you want to join?", applyForm, StringComparison.Ordinal);
        Assert.Contains("Where do you sail?", applyForm, StringComparison.Ordinal);
        var applied = await applicant.SubmitFormAsync($"/communities/{slug}/apply", new Dictionary<string, string>
        {
            ["Input.Answers[0]"] = "To learn the channels.",
            ["Input.Answers[1]"] = "The Baltic.",
        }, "apply");
        AssertRedirectTo(applied, $"/communities/{slug}");
        Assert.Contains("Pending", await GetHtmlAsync(applicant, $"/communities/{slug}"), StringComparison.Ordinal);

        var applications = await GetHtmlAsync(host, $"/communities/{slug}/applications");
        Assert.Contains("To learn the channels.", applications, StringComparison.Ordinal);
        var scope = ApplicationScope().Match(applications).Groups[1].Value;
        var approved = await host.SubmitFormAsync($"/communities/{slug}/applications", new Dictionary<string, string>
        {
            ["Input.Message"] = "Welcome aboard!",
            ["Input.Decision"] = "Approve",
        }, $"[{scope}]decide");
        AssertRedirectTo(approved, $"/communities/{slug}/applications");

        var seenByApplicant = await GetHtmlAsync(applicant, $"/communities/{slug}");
        var seenByHost = await GetHtmlAsync(host, $"/communities/{slug}");
        foreach (var page in new[] { seenByApplicant, seenByHost })
        {
            Assert.Contains($"href=\"/people/{hostPerson.Handle}\"", page, StringComparison.Ordinal);
            Assert.Contains($"href=\"/people/{applicantPerson.Handle}\"", page, StringComparison.Ordinal);
            Assert.Contains("<span class=\"badge\">host</span>", page, StringComparison.Ordinal);
        }

        Assert.Contains("Welcome aboard!", seenByApplicant, StringComparison.Ordinal);
        Assert.Contains("<em>guide</em>", seenByApplicant, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithBadInput_ShowsFieldErrorsAndCreatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var browser = await app.CreateSignedInClientAsync(await app.CreatePersonAsync());
        var slug = CommunityApiClient.NewSlug();

        var response = await browser.SubmitFormAsync("/communities/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Slug"] = slug,
            ["Input.MembershipMode"] = "Open",
            ["Input.Questions"] = new string('q', 501),
        }, "create-community");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Name is required.", html, StringComparison.Ordinal);
        Assert.Contains("Question 1 can be at most 500 characters.", html, StringComparison.Ordinal);
        await GetHtmlAsync(browser, $"/communities/{slug}", HttpStatusCode.NotFound);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ListAndJoinOpenCommunity_ThenLeave(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var joiner = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(joiner);
        var slug = await host.CreateCommunityAsync("open");

        var list = await GetHtmlAsync(browser, $"/communities?q={slug}");
        var joined = await browser.SubmitFormAsync($"/communities/{slug}", new Dictionary<string, string>(), "join");
        var member = await GetHtmlAsync(browser, $"/communities/{slug}");
        var left = await browser.SubmitFormAsync($"/communities/{slug}", new Dictionary<string, string>(), "leave");

        Assert.Contains($"href=\"/communities/{slug}\"", list, StringComparison.Ordinal);
        Assert.Contains("Create a community", list, StringComparison.Ordinal);
        AssertRedirectTo(joined, $"/communities/{slug}");
        Assert.Contains($"href=\"/people/{joiner.Handle}\"", member, StringComparison.Ordinal);
        AssertRedirectTo(left, $"/communities/{slug}");
        Assert.DoesNotContain($"href=\"/people/{joiner.Handle}\"", await GetHtmlAsync(browser, $"/communities/{slug}"), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task InvitationLink_HostCreatesIt_GuestJoinsThroughJoinPage(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateSignedInClientAsync(await app.CreatePersonAsync());
        var guestPerson = await app.CreatePersonAsync();
        var guest = await app.CreateSignedInClientAsync(guestPerson);
        var slug = CommunityApiClient.NewSlug();
        await host.SubmitFormAsync("/communities/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Quiet room",
            ["Input.Slug"] = slug,
            ["Input.MembershipMode"] = "ByInvitation",
        }, "create-community");

        var created = await host.SubmitFormAsync($"/communities/{slug}/invitations", new Dictionary<string, string>
        {
            ["Input.ExpiresInDays"] = "3",
            ["Input.MaxUses"] = "2",
        }, "create-link");
        var createdHtml = await created.Content.ReadAsStringAsync(Ct);
        var url = JoinUrl().Match(createdHtml).Value;
        var path = new Uri(url).AbsolutePath;

        Assert.StartsWith("https://localhost/join/", url, StringComparison.Ordinal);
        Assert.Contains("Join Quiet room", await GetHtmlAsync(guest, path), StringComparison.Ordinal);
        var joined = await guest.SubmitFormAsync(path, new Dictionary<string, string>(), "accept-invitation");
        AssertRedirectTo(joined, $"/communities/{slug}");
        Assert.Contains($"href=\"/people/{guestPerson.Handle}\"", await GetHtmlAsync(guest, $"/communities/{slug}"), StringComparison.Ordinal);
        var links = await GetHtmlAsync(host, $"/communities/{slug}/invitations");
        Assert.Contains("1 of 2", links, StringComparison.Ordinal);
        Assert.DoesNotContain(path, links, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task JoinPage_WithInvalidSecret_ExplainsIt_AndSignedOutIsSentToLoginWithReturnUrl(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var browser = await app.CreateSignedInClientAsync(await app.CreatePersonAsync());
        var anonymous = app.CreateClient();

        var invalid = await GetHtmlAsync(browser, "/join/not-a-real-secret");
        var signedOut = await anonymous.GetAsync("/join/some-secret", Ct);

        Assert.Contains("This invitation link is not valid.", invalid, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var location = signedOut.Headers.Location!.ToString();
        Assert.Contains("/Account/Login", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/join/some-secret"), location, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task HostOnlyPages_ForMember_AreTheSameNotFoundAsAMissingCommunity(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var member = await app.CreatePersonAsync();
        var memberClient = await app.CreateTokenClientAsync(member);
        var browser = await app.CreateSignedInClientAsync(member);
        var slug = await host.CreateCommunityAsync("open");
        await memberClient.PostJsonAsync($"/api/v1/communities/{slug}/membership", new { });

        var missing = MainText(await GetHtmlAsync(browser, $"/communities/{CommunityApiClient.NewSlug()}", HttpStatusCode.NotFound));
        foreach (var page in new[] { "edit", "applications", "invitations" })
        {
            var hidden = MainText(await GetHtmlAsync(browser, $"/communities/{slug}/{page}", HttpStatusCode.NotFound));
            Assert.Equal(missing, hidden);
        }

        Assert.NotEmpty(missing);
    }

    private static string MainText(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("main")?.TextContent.Trim() ?? html;

    [GeneratedRegex(@"value=""\[(application-[0-9a-f]{32})\]decide""")]
    private static partial Regex ApplicationScope();

    [GeneratedRegex(@"https://localhost/join/[A-Za-z0-9_\-]+")]
    private static partial Regex JoinUrl();
}
