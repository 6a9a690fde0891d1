using System.Net;
using AngleSharp.Html.Parser;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Trust;

/// <summary>"My trust", the statement pages and the trust section of a profile, through real forms with antiforgery.</summary>
public sealed class TrustPageTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> StateForm(string to, string value, string topic = "", string visibility = "Public",
        string community = "", string note = "") => new()
    {
        ["Input.To"] = to,
        ["Input.Value"] = value,
        ["Input.Topic"] = topic,
        ["Input.Visibility"] = visibility,
        ["Input.Community"] = community,
        ["Input.Note"] = note,
    };

    private static async Task<string> PageAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}");
        return html;
    }

    private static string MainText(string html) => new HtmlParser().ParseDocument(html).QuerySelector("main")?.TextContent ?? "";

    private static string MainHtml(string html) => new HtmlParser().ParseDocument(html).QuerySelector("main")?.InnerHtml ?? "";

    private static void AssertRedirectTo(HttpResponseMessage response, string path)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to {path}, got {(int)response.StatusCode}");
        Assert.Equal(path, response.Headers.Location?.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task MyTrust_StateThroughTheForm_ListsItWithLevelTopicVisibilityAndASafeNote(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync(displayName: "Ben Okafor");
        var browser = await app.CreateSignedInClientAsync(ana);

        var response = await browser.SubmitFormAsync("/trust",
            StateForm($"@{ben.Handle.ToUpperInvariant()}", "0.6", " Sailing ", note: "Knows the **reefs**. <script>alert('x')</script> [y](javascript:alert(1))"),
            "state-trust");

        AssertRedirectTo(response, "/trust?done=saved");
        var html = await PageAsync(browser, "/trust?done=saved");
        var main = MainHtml(html);
        Assert.Contains("Your trust statement is saved.", main, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{ben.Handle}\"", main, StringComparison.Ordinal);
        Assert.Contains("Ben Okafor", main, StringComparison.Ordinal);
        Assert.Contains("sailing", main, StringComparison.Ordinal);
        Assert.Contains("A lot (0.60)", main, StringComparison.Ordinal);
        Assert.Contains("Everyone signed in", main, StringComparison.Ordinal);
        Assert.Contains("<strong>reefs</strong>", main, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        var stored = Assert.Single(await app.StatementsByAsync(ana));
        Assert.Equal((0.6, "sailing", TrustVisibility.Public), (stored.Value, stored.Topic, stored.Visibility));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task MyTrust_BadInput_ShowsMessagesBesideTheFieldsAndStatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(ana);

        var unknown = await browser.SubmitFormAsync("/trust", StateForm("nobody_here_at_all", "", visibility: "Community"), "state-trust");
        var self = await browser.SubmitFormAsync("/trust", StateForm(ana.Handle, "2", topic: new string('t', 200), note: new string('n', 2001)), "state-trust");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var first = new HtmlParser().ParseDocument(await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Some fields need attention; nothing was saved.", first.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("No one has that handle.", first.QuerySelector("#trust-to-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Say how much you trust them", first.QuerySelector("#trust-value-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Name the community that may see it.", first.QuerySelector("#trust-community-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("nobody_here_at_all", first.QuerySelector("#trust-to")?.GetAttribute("value"));

        var second = new HtmlParser().ParseDocument(await self.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Name someone else", second.QuerySelector("#trust-to-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("between -1", second.QuerySelector("#trust-value-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("A topic is at most", second.QuerySelector("#trust-topic-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Note can be at most", second.QuerySelector("#trust-note-error")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await app.StatementsByAsync(ana));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task MyTrust_FiltersByTopicAndPerson_AndPages(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        var people = new List<TestPerson>();
        for (var i = 0; i < 21; i++)
        {
            people.Add(await app.CreatePersonAsync());
            await app.StateAsync(ana, people[^1], 0.25, "rowing");
        }

        await app.StateAsync(ana, ben, 1.0, "sailing");
        var browser = await app.CreateSignedInClientAsync(ana);

        var sailing = MainHtml(await PageAsync(browser, "/trust?topic=Sailing"));
        var aboutBen = MainHtml(await PageAsync(browser, $"/trust?about=@{ben.Handle}"));
        var rowing = MainHtml(await PageAsync(browser, "/trust?topic=rowing"));
        var rowing2 = MainHtml(await PageAsync(browser, "/trust?topic=rowing&offset=20"));
        var badTopic = await PageAsync(browser, $"/trust?topic={new string('t', 200)}");

        Assert.Contains($"href=\"/people/{ben.Handle}\"", sailing, StringComparison.Ordinal);
        Assert.Contains("1 statement", sailing, StringComparison.Ordinal);
        Assert.DoesNotContain("rowing", sailing, StringComparison.Ordinal);
        Assert.Contains("Completely (1.00)", aboutBen, StringComparison.Ordinal);
        Assert.Contains("1 statement", aboutBen, StringComparison.Ordinal);
        Assert.Contains("21 statements", rowing, StringComparison.Ordinal);
        Assert.Contains("href=\"/trust?topic=rowing&amp;offset=20\"", rowing, StringComparison.Ordinal);
        Assert.Equal(20, new HtmlParser().ParseDocument(rowing).QuerySelectorAll("tbody tr").Length);
        Assert.Single(new HtmlParser().ParseDocument(rowing2).QuerySelectorAll("tbody tr"));
        Assert.Contains("rel=\"prev\"", rowing2, StringComparison.Ordinal);
        Assert.Contains("A topic is at most", new HtmlParser().ParseDocument(badTopic).QuerySelector("#filter-topic-error")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Edit_ChangesLevelVisibilityAndNote_AndHistoryShowsEveryVersion(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        var host = await app.CreateTokenClientAsync(ana);
        var slug = await host.CreateCommunityAsync("open");
        var id = await app.StateAsync(ana, ben, 0.25, "sailing", note: "first note");
        var browser = await app.CreateSignedInClientAsync(ana);

        var form = new HtmlParser().ParseDocument(await PageAsync(browser, $"/trust/{id}/edit"));
        Assert.Equal("0.25", form.QuerySelector("#trust-value option[selected]")?.GetAttribute("value"));
        Assert.Contains("first note", form.QuerySelector("#trust-note")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(slug, form.QuerySelector("#trust-community")?.InnerHtml, StringComparison.Ordinal);

        var changed = await browser.SubmitFormAsync($"/trust/{id}/edit", new Dictionary<string, string>
        {
            ["Input.Value"] = "1",
            ["Input.Visibility"] = "Community",
            ["Input.Community"] = slug,
            ["Input.Note"] = "second *note*",
        }, "change-trust");
        AssertRedirectTo(changed, "/trust?done=saved");

        var history = MainHtml(await PageAsync(browser, $"/trust/{id}/history"));
        Assert.Contains("Stated", history, StringComparison.Ordinal);
        Assert.Contains("Changed", history, StringComparison.Ordinal);
        Assert.Contains("Some (0.25)", history, StringComparison.Ordinal);
        Assert.Contains("Completely (1.00)", history, StringComparison.Ordinal);
        Assert.Contains($"Members of Community {slug}", history, StringComparison.Ordinal);
        Assert.Contains("first note", history, StringComparison.Ordinal);
        Assert.Contains("<em>note</em>", history, StringComparison.Ordinal);
        var stored = Assert.Single(await app.StatementsByAsync(ana));
        Assert.Equal((1.0, TrustVisibility.Community), (stored.Value, stored.Visibility));
        Assert.Equal(2, stored.Versions.Count);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Edit_WithBadInput_ShowsMessagesAndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        var id = await app.StateAsync(ana, ben, 0.6, note: "kept");
        var browser = await app.CreateSignedInClientAsync(ana);

        var response = await browser.SubmitFormAsync($"/trust/{id}/edit", new Dictionary<string, string>
        {
            ["Input.Value"] = "0",
            ["Input.Visibility"] = "Community",
            ["Input.Community"] = "not-my-community",
            ["Input.Note"] = "changed",
        }, "change-trust");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Trust cannot be 0", page.QuerySelector("#trust-value-error")?.TextContent, StringComparison.Ordinal);
        var stored = Assert.Single(await app.StatementsByAsync(ana));
        Assert.Equal((0.6, TrustVisibility.Public, "kept"), (stored.Value, stored.Visibility, stored.Note));
        Assert.Single(stored.Versions);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Revoke_AfterConfirming_LeavesTheListAndKeepsTheHistory_AndCanBeStatedAgain(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        var id = await app.StateAsync(ana, ben, 0.6, "sailing");
        var browser = await app.CreateSignedInClientAsync(ana);

        var confirm = MainText(await PageAsync(browser, $"/trust/{id}/revoke"));
        var revoked = await browser.SubmitFormAsync($"/trust/{id}/revoke", new Dictionary<string, string>(), "revoke-trust");
        var list = MainHtml(await PageAsync(browser, "/trust?done=revoked"));
        var withRevoked = MainHtml(await PageAsync(browser, "/trust?revoked=true"));
        var history = MainText(await PageAsync(browser, $"/trust/{id}/history"));
        var again = await browser.SubmitFormAsync($"/trust/{id}/edit", new Dictionary<string, string>
        {
            ["Input.Value"] = "0.25",
            ["Input.Visibility"] = "Private",
        }, "change-trust");

        Assert.Contains("Revoke trust?", confirm, StringComparison.Ordinal);
        AssertRedirectTo(revoked, "/trust?done=revoked");
        Assert.Contains("The statement is revoked", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/trust/{id}/edit", list, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge\">revoked</span>", withRevoked, StringComparison.Ordinal);
        Assert.Contains("Revoked", history, StringComparison.Ordinal);
        AssertRedirectTo(again, "/trust?done=saved");
        var stored = Assert.Single(await app.StatementsByAsync(ana));
        Assert.Null(stored.RevokedAt);
        Assert.Equal(3, stored.Versions.Count);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task StatementPages_ForSomeoneElsesStatement_AreTheSameNotFoundAsAMissingOne_AndChangeNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        var cleo = await app.CreatePersonAsync();
        var bens = await app.StateAsync(ben, cleo, 0.6, note: "Ben's public statement");
        var browser = await app.CreateSignedInClientAsync(ana);
        var missing = Guid.NewGuid();

        foreach (var page in new[] { "edit", "history", "revoke" })
        {
            var hidden = MainText(await PageAsync(browser, $"/trust/{bens}/{page}", HttpStatusCode.NotFound));
            var absent = MainText(await PageAsync(browser, $"/trust/{missing}/{page}", HttpStatusCode.NotFound));
            Assert.Equal(absent, hidden);
        }

        // A post with a valid antiforgery token (taken from a form of ana's) cannot revoke or change ben's statement either.
        var tokens = new HtmlParser().ParseDocument(await PageAsync(browser, "/trust")).QuerySelectorAll("input[name=__RequestVerificationToken]");
        var token = tokens.First().GetAttribute("value")!;
        foreach (var (page, handler) in new[] { ("revoke", "revoke-trust"), ("edit", "change-trust") })
        {
            var forged = await browser.PostAsync($"/trust/{bens}/{page}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = handler,
                ["Input.Value"] = "-1",
                ["Input.Visibility"] = "Public",
            }), Ct);
            Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        }

        var stored = Assert.Single(await app.StatementsByAsync(ben));
        Assert.Null(stored.RevokedAt);
        Assert.Single(stored.Versions);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AnotherPersonsPrivateStatement_NeverAppearsOnAnyTrustPage(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var marker = $"canary{Guid.NewGuid():N}";
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        var cleo = await app.CreatePersonAsync();
        var host = await app.CreateTokenClientAsync(ben);
        var slug = await host.CreateCommunityAsync("open");
        var secret = await app.StateAsync(ben, cleo, 0.6, marker, TrustVisibility.Private, note: $"{marker} note");
        // About someone else: a statement about ana would give her a place in the graph, and her pages computed trust.
        await app.StateAsync(ben, await app.CreatePersonAsync(), -1, marker, TrustVisibility.Community, slug, note: $"{marker} community note");
        var browser = await app.CreateSignedInClientAsync(ana);
        var owner = await app.CreateSignedInClientAsync(ben);

        var pages = new List<string>();
        foreach (var url in new[]
        {
            "/trust", $"/trust?topic={marker}", $"/trust?about={ben.Handle}", $"/trust?about={cleo.Handle}&revoked=true",
            $"/people/{cleo.Handle}", $"/people/{cleo.Handle}?topic={marker}", $"/people/{ben.Handle}?topic={marker}", $"/people/{ana.Handle}",
            $"/trust/web?topic={marker}", $"/trust/web?topic={marker}&expand={ben.Handle}", $"/api/v1/trust/neighbourhood?around={ben.Handle}&topic={marker}",
        })
        {
            var response = await browser.GetAsync(url, Ct);
            pages.Add($"{url} {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        }

        var history = await browser.GetAsync($"/trust/{secret}/history", Ct);

        Assert.All(pages, page => Assert.DoesNotContain($"{marker} note", page, StringComparison.Ordinal));
        Assert.All(pages, page => Assert.DoesNotContain($"{marker} community", page, StringComparison.Ordinal));
        Assert.All(pages, page => Assert.StartsWith(page.Split(' ')[0] + " 200", page, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        // The author sees both, so the markers are really there to find.
        var own = await PageAsync(owner, $"/trust?topic={marker}");
        Assert.Contains($"{marker} note", own, StringComparison.Ordinal);
        Assert.Contains($"{marker} community note", own, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Profile_StateTrustForm_StatesTrustInThatPerson(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync(displayName: "Ben Okafor", configure: p => p.Competences.Add(new() { Topic = "piloting" }));
        var browser = await app.CreateSignedInClientAsync(ana);

        var before = new HtmlParser().ParseDocument(await PageAsync(browser, $"/people/{ben.Handle}?topic=piloting"));
        var response = await browser.SubmitFormAsync($"/people/{ben.Handle}?topic=piloting", new Dictionary<string, string>
        {
            ["Input.Value"] = "0.25",
            ["Input.Topic"] = "piloting",
            ["Input.Visibility"] = "Private",
            ["Input.Note"] = "",
        }, "state-trust");

        Assert.Equal("Your trust in Ben Okafor", before.QuerySelector("#your-trust-title")?.TextContent);
        Assert.Equal("piloting", before.QuerySelector("#profile-trust-topic")?.GetAttribute("value"));
        Assert.Contains("You have not stated trust in Ben Okafor yet.", before.QuerySelector("#your-trust")?.TextContent, StringComparison.Ordinal);
        AssertRedirectTo(response, $"/people/{ben.Handle}?topic=piloting&stated=true#your-trust");
        var stored = Assert.Single(await app.StatementsByAsync(ana));
        Assert.Equal((ben.Person.Id, 0.25, "piloting", TrustVisibility.Private), (stored.ToId, stored.Value, stored.Topic, stored.Visibility));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Profile_WithBadInput_ShowsMessagesInTheTrustSectionAndStatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(ana);

        var response = await browser.SubmitFormAsync($"/people/{ben.Handle}", new Dictionary<string, string>
        {
            ["Input.Value"] = "1.5",
            ["Input.Topic"] = "",
            ["Input.Visibility"] = "Public",
        }, "state-trust");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("between -1", page.QuerySelector("#profile-trust-value-error")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await app.StatementsByAsync(ana));
    }

    [Fact]
    public async Task OwnProfile_HasNoTrustSection_AndTheHeaderLinksToMyTrust()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var ana = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(ana);

        var html = await PageAsync(browser, $"/people/{ana.Handle}");

        Assert.DoesNotContain("id=\"your-trust\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/trust\"", new HtmlParser().ParseDocument(html).QuerySelector(".site-nav")?.InnerHtml, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task WebOfTrust_WithoutScript_AddsWhomAPersonTrustsToThePictureTablesByAddress(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync(displayName: "Ben Okafor");
        var cleo = await app.CreatePersonAsync(displayName: "Cleo Park");
        var dan = await app.CreatePersonAsync(displayName: "Dan Berg");
        await app.StateAsync(ben, cleo, 0.6, "sailing");
        await app.StateAsync(ben, dan, 1.0, "sailing", TrustVisibility.Private, note: "not for ana");
        var browser = await app.CreateSignedInClientAsync(ana);

        var before = new HtmlParser().ParseDocument(await PageAsync(browser, "/trust/web?topic=sailing"));
        var after = new HtmlParser().ParseDocument(await PageAsync(browser, $"/trust/web?topic=sailing&expand={ben.Handle}&expand=nobody_by_that_name"));

        Assert.Contains("not a ranking of people", before.QuerySelector("main .lede")?.TextContent, StringComparison.Ordinal);
        Assert.Equal([ana.Handle], before.QuerySelectorAll("#trust-picture-people tbody tr").Select(r => r.GetAttribute("data-handle")));
        Assert.Equal(new[] { ana.Handle, ben.Handle, cleo.Handle }.Order(StringComparer.Ordinal),
            after.QuerySelectorAll("#trust-picture-people tbody tr").Select(r => r.GetAttribute("data-handle")!).Order(StringComparer.Ordinal));
        Assert.Equal([$"{ben.Handle}>{cleo.Handle}>sailing"], after.QuerySelectorAll("#trust-picture-statements tbody tr").Select(r => r.GetAttribute("data-edge")));
        Assert.Contains("Shown", after.QuerySelector($"#trust-picture-people tr[data-handle='{ben.Handle}']")?.TextContent, StringComparison.Ordinal);
        var expandCleo = after.QuerySelector($"#trust-picture-people tr[data-handle='{cleo.Handle}'] a[data-expand]")?.GetAttribute("href");
        Assert.Equal($"/trust/web?topic=sailing&expand={ben.Handle}&expand={cleo.Handle}#picture", expandCleo);
        var picture = after.QuerySelector("#trust-picture")!;
        Assert.Equal("img", picture.GetAttribute("role"));
        Assert.Equal("sailing", picture.GetAttribute("data-topic"));
        Assert.Contains($"\"from\":\"{ben.Handle}\"", picture.GetAttribute("data-graph"), StringComparison.Ordinal);
        Assert.DoesNotContain(dan.Handle, after.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Profile_ShowsYourStatementsWithChangeLinks_LevelAndWhy(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync(displayName: "Ben Okafor");
        var cleo = await app.CreatePersonAsync(displayName: "Cleo Park", configure: p => p.Competences.Add(new() { Topic = "sailing" }));
        var mine = await app.StateAsync(ana, ben, 1.0, "sailing");
        await app.StateAsync(ben, cleo, 0.6, note: "Ben's general trust");
        var browser = await app.CreateSignedInClientAsync(ana);

        var benPage = new HtmlParser().ParseDocument(await PageAsync(browser, $"/people/{ben.Handle}?topic=sailing"));
        var cleoPage = new HtmlParser().ParseDocument(await PageAsync(browser, $"/people/{cleo.Handle}?topic=sailing"));

        var benSection = benPage.QuerySelector("#your-trust")!;
        Assert.Contains($"href=\"/trust/{mine}/edit\"", benSection.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Completely (1.00): your own statement", benSection.TextContent, StringComparison.Ordinal);
        var cleoSection = cleoPage.QuerySelector("#your-trust")!;
        var path = cleoSection.QuerySelector(".trust-path")!;
        Assert.Contains($"href=\"/people/{ben.Handle}\"", path.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Completely (1.00)", path.TextContent, StringComparison.Ordinal);
        Assert.Contains("A lot (0.60)", path.TextContent, StringComparison.Ordinal);
        Assert.Contains("general, not sailing", path.TextContent, StringComparison.Ordinal);
        Assert.Contains("through people you trust", cleoSection.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ben's general trust", cleoSection.QuerySelector("[aria-labelledby=trust-others]")!.TextContent, StringComparison.Ordinal);
    }
}
