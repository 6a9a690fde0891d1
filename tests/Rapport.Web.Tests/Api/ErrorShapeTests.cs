using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Api;

/// <summary>
/// The answers no handler writes (routing, authentication, parameter binding) are problem details with a
/// trace id too, and a valid token gets the real reason (404, 405, 415) rather than a misleading 401.
/// </summary>
public sealed class ErrorShapeTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task RoutingAndAuthenticationFailures_AreProblemDetails(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var anonymous = app.CreateClient();
        var badToken = app.CreateClient();
        badToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "rpt_not_a_real_token");

        await ApiProblemAssert.ProblemAsync(await client.GetAsync("/api/v1/no-such-thing", Ct), HttpStatusCode.NotFound, because: "unknown route");
        await ApiProblemAssert.ProblemAsync(await client.GetAsync("/api/v1/people/me/competences/not-a-number", Ct), HttpStatusCode.NotFound, because: "id of the wrong shape");
        await ApiProblemAssert.ProblemAsync(await client.GetAsync("/api/v1/communities/x/applications/not-a-guid", Ct), HttpStatusCode.NotFound, because: "guid of the wrong shape");
        await ApiProblemAssert.ProblemAsync(await client.PatchAsync("/api/v1/people/me", Json("{}"), Ct), HttpStatusCode.MethodNotAllowed, because: "wrong method");
        await ApiProblemAssert.ProblemAsync(await client.PutAsync("/api/v1/people/me", new StringContent("{}", Encoding.UTF8, "text/plain"), Ct),
            HttpStatusCode.UnsupportedMediaType, because: "wrong media type");
        await ApiProblemAssert.ProblemAsync(await anonymous.GetAsync("/api/v1/people/me", Ct), HttpStatusCode.Unauthorized, because: "no credentials");
        var rejected = await badToken.GetAsync("/api/v1/people/me", Ct);
        await ApiProblemAssert.ProblemAsync(rejected, HttpStatusCode.Unauthorized, because: "unknown token");
        Assert.Equal("Bearer", rejected.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task QueryValuesOfTheWrongType_Are400NamingTheParameter(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await Communities.CommunityApiClient.CreateCommunityAsync(host);

        foreach (var url in new[]
        {
            "/api/v1/people?limit=ten", "/api/v1/people?offset=1.5", "/api/v1/communities?limit=%20",
            $"/api/v1/communities/{slug}/members?offset=-", $"/api/v1/communities/{slug}/applications?limit=99999999999",
        })
        {
            var field = url.Contains("limit", StringComparison.Ordinal) ? "limit" : "offset";
            await ApiProblemAssert.ProblemAsync(await host.GetAsync(url, Ct), HttpStatusCode.BadRequest, field, url);
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
