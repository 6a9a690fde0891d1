using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Web.Accounts;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Api;

/// <summary>
/// ASVS 5.0 V2.4 (anti-automation): per-account budgets for changes and for searches, through the API
/// (429 problem details with Retry-After) and the pages (429 page). Limits are in memory, so one provider suffices.
/// </summary>
public sealed class ApiRateLimitTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> TightLimits = new()
    {
        ["Rapport:Security:RateLimits:WritesPerAccount"] = "3",
        ["Rapport:Security:RateLimits:SearchesPerAccount"] = "3",
        ["Rapport:Security:RateLimits:TrustStatementsPerAccount"] = "2",
        ["Rapport:Security:RateLimits:Window"] = "00:10:00",
    };

    private RapportApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RapportApp.StartAsync(DatabaseProvider.Sqlite, TightLimits);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void EveryApiEndpoint_HasTheWriteLimit_AndTheSearchEndpointsTheSearchLimit()
    {
        var policies = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .ToDictionary(
                e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
                e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);

        string[] search = ["FindPeople", "ListCommunities", "SearchItems", "GetRecommendedFeed", "FindSimilarProblems"];
        string[] trustWrites = ["StateTrust", "ChangeTrustStatement", "RevokeTrustStatement"];
        Assert.All(policies.Where(p => !search.Contains(p.Key) && !trustWrites.Contains(p.Key)), p => Assert.Equal(AccountRateLimits.Writes, p.Value));
        Assert.All(search, name => Assert.Equal(AccountRateLimits.Search, policies[name]));
        Assert.All(trustWrites, name => Assert.Equal(AccountRateLimits.TrustStatements, policies[name]));
    }

    [Fact]
    public async Task ApiWrites_OverThePerAccountLimit_Are429ProblemWithRetryAfter_AndChangeNothing()
    {
        var alice = await _app.CreateTokenClientAsync(await _app.CreatePersonAsync());
        var bob = await _app.CreateTokenClientAsync(await _app.CreatePersonAsync());

        var allowed = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            allowed.Add((await UpdateProfileAsync(alice, $"Alice {i}")).StatusCode);
        }

        var refused = await UpdateProfileAsync(alice, "Alice 4");
        var problem = await ApiProblemAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], allowed);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.Equal("Too many requests", problem["title"]?.GetValue<string>());
        // Reads are not writes, the refused change did not happen, and Bob's budget is his own.
        var me = await alice.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/people/me", Ct);
        Assert.Equal("Alice 3", me!["displayName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await UpdateProfileAsync(bob, "Bob")).StatusCode);
    }

    [Fact]
    public async Task TrustStatementWrites_HaveTheirOwnPerAccountBudget_AndReadsAreUnlimited()
    {
        var alice = await _app.CreatePersonAsync();
        var client = await _app.CreateTokenClientAsync(alice);
        var bob = await _app.CreatePersonAsync();

        var allowed = new List<HttpStatusCode>();
        foreach (var value in new[] { 0.25, 0.6 })
        {
            allowed.Add((await StateTrustAsync(client, bob.Handle, value)).StatusCode);
        }

        var refused = await StateTrustAsync(client, bob.Handle, 1);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK], allowed);
        await ApiProblemAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        var mine = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/trust/statements", Ct);
        Assert.Equal(0.6, mine!["items"]![0]!["value"]!.GetValue<double>()); // the refused change did not happen
        Assert.Equal(HttpStatusCode.OK, (await UpdateProfileAsync(client, "Alice")).StatusCode); // the general budget is apart
    }

    [Fact]
    public async Task ApiSearches_ShareOnePerAccountBudget_OtherReadsAreUnlimited()
    {
        var alice = await _app.CreateTokenClientAsync(await _app.CreatePersonAsync());

        var allowed = new List<HttpStatusCode>();
        foreach (var url in new[] { "/api/v1/people?q=a", "/api/v1/communities?q=a", "/api/v1/people" })
        {
            allowed.Add((await alice.GetAsync(url, Ct)).StatusCode);
        }

        var refused = await alice.GetAsync("/api/v1/communities", Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], allowed);
        await ApiProblemAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/v1/people/me", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task PageFormPosts_AndSearchPageViews_OverThePerAccountLimit_Are429Pages()
    {
        var carol = await _app.CreatePersonAsync();
        var browser = await _app.CreateSignedInClientAsync(carol);

        var posts = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            posts.Add((await browser.SubmitFormAsync("/profile/edit", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = $"Carol {i}", ["Input.Bio"] = "", ["Input.Availability"] = "Available",
                ["Input.AttentionBudget"] = "5", ["Input.Competences"] = "",
            }, "edit-profile")).StatusCode);
        }

        var searches = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            searches.Add((await browser.GetAsync(i % 2 == 0 ? $"/communities?q={i}" : $"/people?q={i}", Ct)).StatusCode);
        }

        var refusedSearch = await browser.GetAsync("/people", Ct);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], posts);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], searches);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedSearch.StatusCode);
        Assert.NotNull(refusedSearch.Headers.RetryAfter);
        Assert.Contains("<h1>Too many attempts</h1>", await refusedSearch.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Other pages stay open.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile/edit", Ct)).StatusCode);
    }

    private static Task<HttpResponseMessage> StateTrustAsync(HttpClient client, string handle, double value) =>
        client.PostAsJsonAsync("/api/v1/trust/statements", new { to = handle, value, visibility = "public" }, Ct);

    private static Task<HttpResponseMessage> UpdateProfileAsync(HttpClient client, string displayName) =>
        client.PutAsJsonAsync("/api/v1/people/me", new { displayName, bio = "", availability = "available", attentionBudget = 3 }, Ct);
}
