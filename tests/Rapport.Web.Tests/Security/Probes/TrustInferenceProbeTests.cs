using System.Net;
using System.Text.Json.Nodes;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Security.Probes;

/// <summary>
/// The inference channels the canary matrix (<see cref="TrustCanaryProbeTests"/>) found, each reduced to its smallest
/// case so a fix can be checked on its own: "a private statement affects only its owner's own view; it is never
/// counted … or revealed by … sort order" (PRODUCT.md). Each test adds a statement the caller may not see and
/// compares what the caller receives before and after (or in a world without it), byte for byte.
/// </summary>
public sealed class TrustInferenceProbeTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A topic first used by a statement P may not see (O's private one, or one shared with a community P is not in)
    /// must not change P's trust on that topic. Today the node's topic index learns the topic from any statement, and
    /// a topic it knows is answered as a topic query (general trust standing in at the fallback discount) where an
    /// unknown one is answered as general trust: P's level of O and the strength of P's paths halve.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "private")]
    [InlineData(DatabaseProvider.Sqlite, "community")]
    [InlineData(DatabaseProvider.Postgres, "private")]
    [InlineData(DatabaseProvider.Postgres, "community")]
    public async Task Probe_HiddenStatementOnANewTopic_ChangesNobodyElsesTrustOnIt(DatabaseProvider provider, string visibility)
    {
        var app = await apps.ForAsync(provider);
        var p = await app.CreatePersonAsync(TestPeople.UniqueHandle("p"));
        var o = await app.CreatePersonAsync(TestPeople.UniqueHandle("o"));
        var t = await app.CreatePersonAsync(TestPeople.UniqueHandle("t"));
        var pClient = await app.CreateTokenClientAsync(p);
        var oClient = await app.CreateTokenClientAsync(o);
        var topic = $"secret-{Guid.NewGuid():N}"[..30];
        Expect(await pClient.PostJsonAsync("/api/v1/trust/statements", new { to = o.Handle, value = 1.0, visibility = "public" }), HttpStatusCode.Created);
        Expect(await oClient.PostJsonAsync("/api/v1/trust/statements", new { to = t.Handle, value = 0.6, visibility = "public" }), HttpStatusCode.Created);
        string? community = null;
        if (visibility == "community")
        {
            community = await oClient.CreateCommunityAsync("open");
        }

        var urls = new[]
        {
            $"/api/v1/trust/{o.Handle}?topic={topic}", $"/api/v1/trust/{o.Handle}/why?topic={topic}",
            $"/api/v1/trust/{t.Handle}?topic={topic}", $"/api/v1/trust/{t.Handle}/why?topic={topic}",
            $"/api/v1/trust/web?topic={topic}",
        };
        var before = await ReadAllAsync(pClient, urls);

        Expect(await oClient.PostJsonAsync("/api/v1/trust/statements",
            new { to = t.Handle, value = 1.0, topic, visibility, community, note = "only mine" }), HttpStatusCode.Created);

        var after = await ReadAllAsync(pClient, urls);
        Assert.All(urls, url => Assert.True(before[url] == after[url],
            $"GET {url} as a third party changed after O's {visibility} statement on '{topic}':\n  before: {before[url]}\n  after:  {after[url]}"));
    }

    /// <summary>
    /// People P trusts equally must come out in the same order whether or not someone else's private statement exists.
    /// Today ties are broken by the engine's node index, handed out in the order people first appear in any statement,
    /// private ones included: O privately trusting Y before P trusted anyone puts Y ahead of Z in P's web.
    /// Built twice on fresh databases (fixed ids and handles), once with O's private statement.
    /// </summary>
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Probe_PrivateStatement_DoesNotReorderEqualTrust(DatabaseProvider provider)
    {
        var without = await WebOfTrustAsync(provider, withPrivateStatement: false);
        var with = await WebOfTrustAsync(provider, withPrivateStatement: true);

        Assert.True(without == with,
            $"P's web of trust depends on O's private statement:\n  without: {without}\n  with:    {with}");
    }

    /// <summary>
    /// A statement's history (its author's alone) must not count anyone else's hidden changes. Today each version shows
    /// its position in the instance-wide trust change log (<c>sequence</c>), which has no gaps, so the gap between two of
    /// your own changes is the number of changes everyone else made in between, private ones included.
    /// </summary>
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Probe_StatementHistory_DoesNotCountOthersHiddenChanges(DatabaseProvider provider)
    {
        await using var app = await RapportApp.StartAsync(provider); // alone: no other test's writes in the log
        var t = await app.CreatePersonAsync();
        var p = await app.CreatePersonAsync();
        var o = await app.CreatePersonAsync();
        var tClient = await app.CreateTokenClientAsync(t);
        var oClient = await app.CreateTokenClientAsync(o);
        var stated = await tClient.PostJsonAsync("/api/v1/trust/statements", new { to = p.Handle, value = 0.25, visibility = "public" });
        Expect(stated, HttpStatusCode.Created);
        var id = (await stated.ReadObjectAsync())["id"]!.GetValue<Guid>();

        Expect(await oClient.PostJsonAsync("/api/v1/trust/statements", new { to = p.Handle, value = 1.0, visibility = "private" }), HttpStatusCode.Created);
        Expect(await tClient.PutJsonAsync($"/api/v1/trust/statements/{id}", new { value = 0.6, visibility = "public" }), HttpStatusCode.OK);
        Expect(await tClient.PutJsonAsync($"/api/v1/trust/statements/{id}", new { value = 1.0, visibility = "public" }), HttpStatusCode.OK);

        var history = await (await tClient.GetAsync($"/api/v1/trust/statements/{id}/history", Ct)).ReadObjectAsync();
        var sequences = history["versions"]!.AsArray().Select(v => v?["sequence"]?.GetValue<long>()).ToList();
        if (sequences.All(s => s is null))
        {
            return; // no log positions shown: nothing to count
        }

        Assert.True(sequences[1] - sequences[0] == sequences[2] - sequences[1],
            $"The history of T's own statement shows log positions {string.Join(", ", sequences)}: the gap between T's first two " +
            "versions counts O's private statement made in between.");
    }

    /// <summary>
    /// A private recommendation changes nothing a third party reads: not their feed (either order, any topic), not an
    /// item's page (who they trust recommended it, how many recommendations they can see, their predicted rating), not
    /// the item's list of recommendations. P trusts O and Q publicly; O recommends one item publicly; then Q, whom P
    /// trusts, recommends the same item privately with another rating, and O recommends a second item privately.
    /// </summary>
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Probe_PrivateRecommendation_ChangesNoThirdPartysFeedOrItem(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var p = await app.CreatePersonAsync(TestPeople.UniqueHandle("p"));
        var o = await app.CreatePersonAsync(TestPeople.UniqueHandle("o"));
        var q = await app.CreatePersonAsync(TestPeople.UniqueHandle("q"));
        var pClient = await app.CreateTokenClientAsync(p);
        var oClient = await app.CreateTokenClientAsync(o);
        var qClient = await app.CreateTokenClientAsync(q);
        var topic = $"bread-{Guid.NewGuid():N}"[..20];
        Expect(await pClient.PostJsonAsync("/api/v1/trust/statements", new { to = o.Handle, value = 1.0, visibility = "public" }), HttpStatusCode.Created);
        Expect(await pClient.PostJsonAsync("/api/v1/trust/statements", new { to = q.Handle, value = 0.6, visibility = "public" }), HttpStatusCode.Created);
        var first = await AddItemAsync(oClient, "A loaf", topic);
        var second = await AddItemAsync(oClient, "A crust", topic);
        Expect(await oClient.PostJsonAsync("/api/v1/recommendations", new { itemId = first, rating = 4, note = "good", topic, visibility = "public" }), HttpStatusCode.Created);

        var urls = new[]
        {
            "/api/v1/feed", "/api/v1/feed?view=chronological", $"/api/v1/feed?topic={topic}", $"/api/v1/feed?topic={topic}&view=chronological",
            $"/api/v1/items/{first}", $"/api/v1/items/{second}", $"/api/v1/items/{first}/recommendations", $"/api/v1/items/{second}/recommendations",
            $"/api/v1/items?topic={topic}",
        };
        var before = await ReadAllAsync(pClient, urls);

        Expect(await qClient.PostJsonAsync("/api/v1/recommendations", new { itemId = first, rating = 1, note = "only mine", topic, visibility = "private" }), HttpStatusCode.Created);
        Expect(await oClient.PostJsonAsync("/api/v1/recommendations", new { itemId = second, rating = 5, note = "only mine", topic, visibility = "private" }), HttpStatusCode.Created);

        var after = await ReadAllAsync(pClient, urls);
        Assert.All(urls, url => Assert.True(before[url] == after[url],
            $"GET {url} as a third party changed after private recommendations:\n  before: {before[url]}\n  after:  {after[url]}"));
    }

    private static async Task<Guid> AddItemAsync(HttpClient client, string title, string topic)
    {
        var response = await client.PostJsonAsync("/api/v1/items", new { kind = "thought", title = $"{title} {Guid.NewGuid():N}", topics = new[] { topic } });
        Expect(response, HttpStatusCode.Created);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    private async Task<string> WebOfTrustAsync(DatabaseProvider provider, bool withPrivateStatement)
    {
        await using var app = await RapportApp.StartAsync(provider);
        var people = new Dictionary<string, TestPerson>();
        foreach (var handle in new[] { "pia_party", "olga_owner", "yusuf_tie", "zoe_tie" })
        {
            people[handle] = await CanaryWorld.CreateFixedPersonAsync(app, handle);
        }

        var p = await app.CreateTokenClientAsync(people["pia_party"]);
        var o = await app.CreateTokenClientAsync(people["olga_owner"]);
        Expect(await p.GetAsync("/api/v1/trust/web", Ct), HttpStatusCode.OK); // the graph is loaded, then follows the writes
        if (withPrivateStatement)
        {
            Expect(await o.PostJsonAsync("/api/v1/trust/statements", new { to = "yusuf_tie", value = 0.6, visibility = "private", note = "mine" }), HttpStatusCode.Created);
        }

        Expect(await p.PostJsonAsync("/api/v1/trust/statements", new { to = "zoe_tie", value = 0.6, visibility = "public" }), HttpStatusCode.Created);
        Expect(await p.PostJsonAsync("/api/v1/trust/statements", new { to = "yusuf_tie", value = 0.6, visibility = "public" }), HttpStatusCode.Created);
        return await (await p.GetAsync("/api/v1/trust/web", Ct)).Content.ReadAsStringAsync(Ct);
    }

    private static async Task<Dictionary<string, string>> ReadAllAsync(HttpClient client, IEnumerable<string> urls)
    {
        var answers = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url, Ct);
            Expect(response, HttpStatusCode.OK);
            answers[url] = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.ToJsonString();
        }

        return answers;
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status) =>
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
}
