using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.People;

public sealed class PeoplePageTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> ProfileForm(string displayName, string bio = "", string competences = "",
        string availability = "Available", string attentionBudget = "5") => new()
    {
        ["Input.DisplayName"] = displayName,
        ["Input.Bio"] = bio,
        ["Input.Availability"] = availability,
        ["Input.AttentionBudget"] = attentionBudget,
        ["Input.Competences"] = competences,
    };

    private static async Task<string> PageAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}");
        return html;
    }

    /// <summary>The page's main content as text: what a reader sees, without per-request tokens.</summary>
    private static string? MainText(string html) => new HtmlParser().ParseDocument(html).QuerySelector("main")?.TextContent;

    /// <summary>The page's main content as markup, without the site header (whose Profile link edits your own).</summary>
    private static string MainHtml(string html) => new HtmlParser().ParseDocument(html).QuerySelector("main")?.InnerHtml ?? "";

    private static async Task<Person> StoredAsync(RapportApp app, TestPerson person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        return await db.People.AsNoTracking().Include(p => p.Competences).SingleAsync(p => p.Id == person.Person.Id, Ct);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task EditProfile_WithCompetences_SavesAndShowsProfileWithNotice(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var aino = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(aino);

        var response = await browser.SubmitFormAsync("/profile/edit",
            ProfileForm("Aino Virtanen", "Harbour **pilot**.", "Piloting @ Helsinki harbour\r\n\r\nsailing\r\nPILOTING @ helsinki harbour",
                availability: "Busy", attentionBudget: "4"), "edit-profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal($"/people/{aino.Handle}?saved=true", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        var html = await PageAsync(browser, location.ToString());
        Assert.Contains("class=\"notice\"", html, StringComparison.Ordinal);
        Assert.Contains("Aino Virtanen", html, StringComparison.Ordinal);
        Assert.Contains("accepts up to 4 asks a week", html, StringComparison.Ordinal);
        Assert.Contains("status status-busy", html, StringComparison.Ordinal);
        Assert.Contains("<strong>pilot</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/profile/edit\"", MainHtml(html), StringComparison.Ordinal);
        var stored = await StoredAsync(app, aino);
        Assert.Equal(["piloting @ Helsinki harbour", "sailing"], stored.Competences.Select(c => c.ToString()).Order(StringComparer.Ordinal));
        var editPage = new HtmlParser().ParseDocument(await PageAsync(browser, "/profile/edit"));
        Assert.Equal("piloting @ Helsinki harbour\nsailing", editPage.QuerySelector("textarea#competences")?.TextContent);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task EditProfile_WithBadFields_ShowsErrorsBesideThemAndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var aino = await app.CreatePersonAsync(displayName: "Before", configure: p => p.Competences.Add(new() { Topic = "knitting" }));
        var browser = await app.CreateSignedInClientAsync(aino);

        var response = await browser.SubmitFormAsync("/profile/edit",
            ProfileForm("   ", "", $"sailing\n{new string('t', 61)}", attentionBudget: "101"), "edit-profile");

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("Display name is required.", html, StringComparison.Ordinal);
        Assert.Contains("Line 2: Topic must be", html, StringComparison.Ordinal);
        Assert.Contains("Attention budget must be", html, StringComparison.Ordinal);
        var stored = await StoredAsync(app, aino);
        Assert.Equal("Before", stored.DisplayName);
        Assert.Equal("knitting", Assert.Single(stored.Competences).Topic);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Profile_BioWithScriptAndJavascriptLink_RendersNeither(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var aino = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(aino);
        await browser.SubmitFormAsync("/profile/edit",
            ProfileForm("Aino", "Hello <script>alert('owned')</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(2)>"), "edit-profile");

        var html = await PageAsync(await app.CreateSignedInClientAsync(await app.CreatePersonAsync()), $"/people/{aino.Handle}");

        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("class=\"markdown\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/profile/edit\"", MainHtml(html), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Profile_ShowsCommunitiesWithLinksAndHostBadge(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var aino = await app.CreatePersonAsync();
        var slug = $"c-{Guid.NewGuid():N}"[..20];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            db.Communities.Add(new Community
            {
                Slug = slug, Name = "Harbour pilots",
                Memberships = [new Membership { PersonId = aino.Person.Id, Role = CommunityRole.Host }],
            });
            await db.SaveChangesAsync(Ct);
        }

        var html = await PageAsync(await app.CreateSignedInClientAsync(await app.CreatePersonAsync()), $"/people/@{aino.Handle}");

        Assert.Contains($"href=\"/communities/{slug}\"", html, StringComparison.Ordinal);
        Assert.Contains("Harbour pilots", html, StringComparison.Ordinal);
        Assert.Contains("class=\"badge\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Profile_UnknownHandle_IsTheNotFoundPage(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var browser = await app.CreateSignedInClientAsync(await app.CreatePersonAsync());

        var unknown = await PageAsync(browser, "/people/nobody_here_at_all", HttpStatusCode.NotFound);
        var malformed = await PageAsync(browser, "/people/%25%20x", HttpStatusCode.NotFound);

        Assert.Contains("There is nothing here, or it is not shared with you.", unknown, StringComparison.Ordinal);
        Assert.Equal(MainText(unknown), MainText(malformed));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Directory_SearchByCompetence_FindsPersonWithTagsLinkingToTopic(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var topic = $"tidal{Guid.NewGuid():N}"[..20];
        var aino = await app.CreatePersonAsync(displayName: "Aino Öberg",
            configure: p => p.Competences.Add(new() { Topic = topic, Context = "Öresund" }));
        var browser = await app.CreateSignedInClientAsync(await app.CreatePersonAsync());

        var byText = await PageAsync(browser, $"/people?q={topic.ToUpperInvariant()}");
        var byTopic = await PageAsync(browser, $"/people?topic={topic}");
        var byContext = await PageAsync(browser, $"/people?q={Uri.EscapeDataString("öresund")}");

        foreach (var html in new[] { byText, byTopic, byContext })
        {
            Assert.Contains($"href=\"/people/{aino.Handle}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains($"href=\"/people?topic={topic}\"", byText, StringComparison.Ordinal);
        Assert.Contains("class=\"people-list\"", byText, StringComparison.Ordinal);
        var avatar = new HtmlParser().ParseDocument(byText).QuerySelectorAll(".person-row")
            .Single(row => row.QuerySelector($"a[href='/people/{aino.Handle}']") is not null).QuerySelector(".avatar");
        Assert.Equal("AÖ", avatar?.TextContent);
        Assert.Equal("true", avatar?.GetAttribute("aria-hidden"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Directory_WithTooLongQuery_ShowsErrorBesideSearch(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var browser = await app.CreateSignedInClientAsync(await app.CreatePersonAsync());

        var html = await PageAsync(browser, $"/people?q={new string('x', 101)}&page=abc");

        Assert.Contains("class=\"field-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Search text can be at most 100 characters.", html, StringComparison.Ordinal);
    }
}
