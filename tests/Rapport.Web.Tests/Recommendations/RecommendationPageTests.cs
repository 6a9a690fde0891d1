using System.Net;
using AngleSharp.Html.Parser;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Recommendations;

/// <summary>The recommendation pages through real forms with antiforgery, as a browser without JavaScript uses them.</summary>
public sealed class RecommendationPageTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string Main)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, new HtmlParser().ParseDocument(html).QuerySelector("main")?.InnerHtml ?? "");
    }

    private static async Task<Guid> AddItemAsync(HttpClient api, string title, string? url = null)
    {
        var response = await api.PostJsonAsync("/api/v1/items", new { kind = "book", title, url, topics = new[] { "cooking" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ItemPage_RecommendWithoutARating_SaysSoBesideTheField_AndSavesNothing_ThenSavesASafeNote(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var api = await app.CreateTokenClientAsync(ana);
        var browser = await app.CreateSignedInClientAsync(ana);
        var item = await AddItemAsync(api, "Bread", $"https://example.org/{Guid.NewGuid():N}");
        var fields = new Dictionary<string, string>
        {
            ["Input.Note"] = "Good **crumb**. <script>alert('x')</script> [y](javascript:alert(1))", ["Input.Topic"] = "cooking", ["Input.Visibility"] = "Public",
        };

        var refused = await browser.SubmitFormAsync($"/items/{item}", fields, "recommend");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose a rating from 1 to 5 stars, or endorse it.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var none = await (await api.GetAsync("/api/v1/recommendations", Ct)).ReadObjectAsync();
        Assert.Equal(0, none["total"]!.GetValue<int>());

        fields["Input.Rating"] = "4";
        var saved = await browser.SubmitFormAsync($"/items/{item}", fields, "recommend");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, main) = await PageAsync(browser, $"/items/{item}?done=recommended");
        Assert.Contains("4 of 5 stars", main, StringComparison.Ordinal);
        Assert.Contains("<strong>crumb</strong>", main, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", main, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("rel=\"nofollow noopener ugc\"", main, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AddItem_WithAnAddressAlreadyAnItem_LeadsToThatItem(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var address = $"https://example.org/books/{Guid.NewGuid():N}";
        var existing = await AddItemAsync(await app.CreateTokenClientAsync(ana), "The original", address);
        var browser = await app.CreateSignedInClientAsync(ana);

        var response = await browser.SubmitFormAsync("/items/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "A second copy", ["Input.Kind"] = "Book", ["Input.Url"] = address.Replace("example.org", "EXAMPLE.org", StringComparison.Ordinal),
        }, "add-item");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/items/{existing}?done=added", response.Headers.Location?.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task HiddenCollectionsAndOthersRecommendations_AnswerLikeMissingOnes(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var owner = await app.CreatePersonAsync();
        var other = await app.CreatePersonAsync();
        var ownerApi = await app.CreateTokenClientAsync(owner);
        var community = await ownerApi.CreateCommunityAsync("open");
        var created = await ownerApi.PostJsonAsync("/api/v1/collections", new { title = "Circle only", visibility = "community", community });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var collection = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
        var open = (await (await ownerApi.PostJsonAsync("/api/v1/collections", new { title = "For all", visibility = "public" })).ReadObjectAsync())["id"]!.GetValue<Guid>();
        var item = await AddItemAsync(ownerApi, "Soup");
        var recommended = await ownerApi.PostJsonAsync("/api/v1/recommendations", new { itemId = item, rating = 5, visibility = "public" });
        var recommendation = (await recommended.ReadObjectAsync())["id"]!.GetValue<Guid>();
        var browser = await app.CreateSignedInClientAsync(other);
        var missing = await PageAsync(browser, $"/collections/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);

        foreach (var url in new[]
        {
            $"/collections/{collection}", $"/collections/{collection}/edit", $"/collections/{open}/edit", $"/collections/{open}/delete",
            $"/recommendations/{recommendation}/revoke", $"/recommendations/{recommendation}/history",
        })
        {
            var (status, main) = await PageAsync(browser, url);
            Assert.True(status == HttpStatusCode.NotFound, $"GET {url} answered {(int)status}");
            Assert.Equal(missing.Main, main);
        }

        Assert.Equal(HttpStatusCode.OK, (await PageAsync(browser, $"/collections/{open}")).Status);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CollectionPage_OwnerMovesAndRemovesEntries_ThroughTheForm(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ana = await app.CreatePersonAsync();
        var api = await app.CreateTokenClientAsync(ana);
        var collection = (await (await api.PostJsonAsync("/api/v1/collections", new { title = "Soups", visibility = "public" })).ReadObjectAsync())["id"]!.GetValue<Guid>();
        var entries = new List<Guid>();
        foreach (var title in new[] { "Leek", "Onion", "Pea" })
        {
            var item = await AddItemAsync(api, title);
            var added = await (await api.PostJsonAsync($"/api/v1/collections/{collection}/entries", new { itemId = item, note = title })).ReadObjectAsync();
            entries.Add(added["entries"]!.AsArray()[^1]!["id"]!.GetValue<Guid>());
        }

        var browser = await app.CreateSignedInClientAsync(ana);
        var url = $"/collections/{collection}";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync(url, new Dictionary<string, string> { ["op"] = $"up:{entries[2]}" }, "entries")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync(url, new Dictionary<string, string> { ["op"] = $"remove:{entries[0]}" }, "entries")).StatusCode);

        var titles = (await (await api.GetAsync($"/api/v1/collections/{collection}", Ct)).ReadObjectAsync())["entries"]!.AsArray()
            .Select(e => e!["item"]!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["Pea", "Onion"], titles);

        var stranger = await app.CreateSignedInClientAsync(await app.CreatePersonAsync());
        Assert.DoesNotContain("name=\"op\"", (await PageAsync(stranger, url)).Main, StringComparison.Ordinal);
    }
}
