using System.Net;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Testing;
using Rapport.Web.Recommendations;
using Rapport.Web.Tests.Api;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Recommendations;

public sealed class RecommendationsApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Items_AddOrGetByUrl_Search_AndRead(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ada = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var path = Guid.NewGuid().ToString("N");

        var created = await ada.PostJsonAsync("/api/v1/items", new { kind = "video", title = $"Knots {path}", url = $"https://Video.Example/{path}/?utm_campaign=x", topics = new[] { "Knots" } });
        var item = await created.ReadAsync<ItemResponse>();
        var again = await ada.PostJsonAsync("/api/v1/items", new { kind = "link", title = "Other", url = $"https://video.example/{path}" });
        var found = await (await ada.GetAsync($"/api/v1/items?q={path}&topic=knots&kind=video", Ct)).ReadAsync<ItemPageResponse>();
        var badKind = await ada.GetAsync("/api/v1/items?kind=Video", Ct);
        var details = await (await ada.GetAsync($"/api/v1/items/{item.Id}", Ct)).ReadAsync<ItemDetailsResponse>();
        var missing = await ada.GetAsync($"/api/v1/items/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/items/{item.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal((ItemKind.Video, $"https://video.example/{path}", "knots"), (item.Kind, item.Url, Assert.Single(item.Topics)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(item.Id, (await again.ReadAsync<ItemResponse>()).Id);
        Assert.Equal(item.Id, Assert.Single(found.Items).Id);
        await ApiProblemAssert.ProblemAsync(badKind, HttpStatusCode.BadRequest, "kind", "kind=Video");
        Assert.Equal((item.Id, 0, null), (details.Item.Id, details.VisibleRecommendations, details.Mine));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Recommendations_Recommend_Change_List_History_Revoke(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ada = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bo = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var item = await (await ada.PostJsonAsync("/api/v1/items", new { kind = "book", title = "Moby-Dick" })).ReadAsync<ItemResponse>();

        var created = await ada.PostJsonAsync("/api/v1/recommendations", new { itemId = item.Id, rating = 5, note = "A *whale*.", visibility = "public" });
        var rec = await created.ReadAsync<RecommendationResponse>();
        var again = await ada.PostJsonAsync("/api/v1/recommendations", new { itemId = item.Id, visibility = "private", note = "Endorsed, quietly." });
        var visibleToBo = await (await bo.GetAsync($"/api/v1/items/{item.Id}/recommendations", Ct)).ReadAsync<RecommendationPageResponse>();
        var changed = await ada.PutJsonAsync($"/api/v1/recommendations/{rec.Id}", new { rating = 4, visibility = "public" });
        var mine = await (await ada.GetAsync("/api/v1/recommendations", Ct)).ReadAsync<RecommendationPageResponse>();
        var history = await (await ada.GetAsync($"/api/v1/recommendations/{rec.Id}/history", Ct)).ReadAsync<RecommendationHistoryResponse>();
        var boChanges = await bo.PutJsonAsync($"/api/v1/recommendations/{rec.Id}", new { rating = 1, visibility = "public" });
        var noItem = await ada.PostJsonAsync("/api/v1/recommendations", new { rating = 5, visibility = "public" });
        var revoked = await ada.DeleteAsync($"/api/v1/recommendations/{rec.Id}", Ct);
        var boAfter = await bo.GetAsync($"/api/v1/recommendations/{rec.Id}", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("<em>whale</em>", rec.NoteHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null((await again.ReadAsync<RecommendationResponse>()).Rating);
        Assert.Empty(visibleToBo.Items); // private now
        Assert.Equal(4, (await changed.ReadAsync<RecommendationResponse>()).Rating);
        Assert.Equal(rec.Id, Assert.Single(mine.Items).Id);
        Assert.Equal(3, history.Versions.Count);
        Assert.Equal(HttpStatusCode.NotFound, boChanges.StatusCode);
        await ApiProblemAssert.ProblemAsync(noItem, HttpStatusCode.BadRequest, "itemId", "no itemId");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, boAfter.StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Collections_Create_Fill_Follow_Fork_List(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var adaPerson = await app.CreatePersonAsync();
        var ada = await app.CreateTokenClientAsync(adaPerson);
        var bo = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var item = await (await ada.PostJsonAsync("/api/v1/items", new { kind = "place", title = "Suomenlinna" })).ReadAsync<ItemResponse>();

        var created = await ada.PostJsonAsync("/api/v1/collections", new { title = "Helsinki", description = "By *sea*.", visibility = "public" });
        var collection = await created.ReadAsync<CollectionResponse>();
        var filled = await (await ada.PostJsonAsync($"/api/v1/collections/{collection.Id}/entries", new { itemId = item.Id, note = "Ferry." })).ReadAsync<CollectionResponse>();
        var follow = await bo.PutAsync($"/api/v1/collections/{collection.Id}/follow", null, Ct);
        var followed = await (await bo.GetAsync("/api/v1/collections?of=followed", Ct)).ReadAsync<CollectionPageResponse>();
        var byAda = await (await bo.GetAsync($"/api/v1/collections?person={adaPerson.Handle}", Ct)).ReadAsync<CollectionPageResponse>();
        var forked = await bo.PostAsync($"/api/v1/collections/{collection.Id}/forks", null, Ct);
        var fork = await forked.ReadAsync<CollectionResponse>();
        var unfollow = await bo.DeleteAsync($"/api/v1/collections/{collection.Id}/follow", Ct);
        var both = await bo.GetAsync($"/api/v1/collections?of=mine&person={adaPerson.Handle}", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("Suomenlinna", "Ferry.", 0), (filled.Entries[0].Item.Title, filled.Entries[0].Note, filled.Entries[0].Position));
        Assert.Equal(HttpStatusCode.NoContent, follow.StatusCode);
        Assert.Equal(collection.Id, Assert.Single(followed.Items).Id);
        Assert.Equal(collection.Id, Assert.Single(byAda.Items).Id);
        Assert.Equal(HttpStatusCode.Created, forked.StatusCode);
        Assert.Equal((true, collection.Id, 1), (fork.Forked, fork.ForkedFrom!.Id, fork.Entries.Count));
        Assert.Equal(HttpStatusCode.NoContent, unfollow.StatusCode);
        await ApiProblemAssert.ProblemAsync(both, HttpStatusCode.BadRequest, "of", "of and person");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Feed_ShowsWhatTrustedPeopleRecommend_WithWhy(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var viewerPerson = await app.CreatePersonAsync();
        var anaPerson = await app.CreatePersonAsync();
        var viewer = await app.CreateTokenClientAsync(viewerPerson);
        var ana = await app.CreateTokenClientAsync(anaPerson);
        Assert.Equal(HttpStatusCode.Created, (await viewer.PostJsonAsync("/api/v1/trust/statements", new { to = anaPerson.Handle, value = 1, topic = "cooking", visibility = "public" })).StatusCode);
        var item = await (await ana.PostJsonAsync("/api/v1/items", new { kind = "book", title = "Salt Fat Acid Heat", topics = new[] { "cooking" } })).ReadAsync<ItemResponse>();
        Assert.Equal(HttpStatusCode.Created, (await ana.PostJsonAsync("/api/v1/recommendations", new { itemId = item.Id, rating = 5, visibility = "public" })).StatusCode);

        var feed = await (await viewer.GetAsync("/api/v1/feed?topic=cooking", Ct)).ReadAsync<FeedResponse>();
        var chronological = await (await viewer.GetAsync("/api/v1/feed?view=chronological&topic=cooking", Ct)).ReadAsync<FeedResponse>();
        var general = await (await viewer.GetAsync("/api/v1/feed", Ct)).ReadAsync<FeedResponse>();
        var badView = await viewer.GetAsync("/api/v1/feed?view=random", Ct);
        var badOffset = await viewer.GetAsync("/api/v1/feed?offset=3&limit=10", Ct);

        var entry = Assert.Single(feed.Entries);
        var why = Assert.Single(entry.Recommenders);
        Assert.Equal((item.Id, anaPerson.Handle, "Completely", 0), (entry.Item.Id, why.Person.Handle, why.Level, entry.Others));
        Assert.Equal($"/api/v1/trust/{anaPerson.Handle}/why?topic=cooking", why.Why);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(why.Why, Ct)).StatusCode);
        Assert.Empty(general.Entries); // trust on cooking is not general trust
        Assert.Equal(FeedOrder.Chronological, chronological.View);
        Assert.Equal(item.Id, Assert.Single(chronological.Entries).Item.Id);
        await ApiProblemAssert.ProblemAsync(badView, HttpStatusCode.BadRequest, "view", "view=random");
        await ApiProblemAssert.ProblemAsync(badOffset, HttpStatusCode.BadRequest, "offset", "unaligned offset");
    }
}
