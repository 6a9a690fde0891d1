using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Trust;

/// <summary>GET /api/v1/trust/neighbourhood: what the picture adds when a person in it is selected.</summary>
public sealed class TrustNeighbourhoodTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Edges(JsonObject body) =>
        [.. body["statements"]!.AsArray().Select(s => $"{s!["from"]}>{s["to"]} {s["value"]} {s["level"]} {s["topic"]?.GetValue<string>() ?? "general"}")];

    private static List<string> People(JsonObject body) => [.. body["people"]!.AsArray().Select(p => p!["handle"]!.GetValue<string>())];

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Neighbourhood_ShowsOnlyStatementsTheCallerMaySee(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var viewer = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        var cleo = await app.CreatePersonAsync();
        var dan = await app.CreatePersonAsync();
        var eve = await app.CreatePersonAsync();
        var fay = await app.CreatePersonAsync();
        var benClient = await app.CreateTokenClientAsync(ben);
        var shared = await benClient.CreateCommunityAsync("open");
        var closed = await benClient.CreateCommunityAsync("open");
        var client = await app.CreateTokenClientAsync(viewer);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/communities/{shared}/membership", new { })).StatusCode);
        await app.StateAsync(ben, cleo, 0.6);
        await app.StateAsync(ben, dan, 1.0, visibility: TrustVisibility.Private, note: "hidden");
        await app.StateAsync(ben, eve, 0.25, visibility: TrustVisibility.Community, community: shared);
        await app.StateAsync(ben, fay, -1, visibility: TrustVisibility.Community, community: closed);
        await app.StateAsync(cleo, eve, 0.25);
        var revoked = await app.StateAsync(ben, viewer, 0.6);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var revoke = scope.ServiceProvider.GetRequiredService<RevokeTrustStatement>();
            Assert.True((await revoke.ExecuteAsync(ben.Person.Id, revoked, Ct)).Succeeded);
        }

        var response = await client.GetAsync($"/api/v1/trust/neighbourhood?around=@{ben.Handle.ToUpperInvariant()}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(ben.Handle, body["around"]!.GetValue<string>());
        Assert.Equal(
            [$"{ben.Handle}>{cleo.Handle} 0.6 A lot general", $"{ben.Handle}>{eve.Handle} 0.25 Some general", $"{cleo.Handle}>{eve.Handle} 0.25 Some general"],
            Edges(body));
        Assert.Equal(new[] { ben.Handle, cleo.Handle, eve.Handle }.Order(StringComparer.Ordinal), People(body).Order(StringComparer.Ordinal));
        var text = body.ToJsonString();
        Assert.DoesNotContain(dan.Handle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(fay.Handle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(viewer.Handle, text, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Neighbourhood_OnATopic_FallsBackToGeneralTrustPerPair_DecidedAmongVisibleStatementsOnly(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var viewer = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        var cleo = await app.CreatePersonAsync();
        var dan = await app.CreatePersonAsync();
        var eve = await app.CreatePersonAsync();
        await app.StateAsync(ben, cleo, 0.25, "sailing");
        await app.StateAsync(ben, cleo, 1.0);
        await app.StateAsync(ben, dan, 0.6);
        // Ben's private statement on sailing must not hide his public general one: that would show the private one exists.
        await app.StateAsync(ben, eve, -1, "sailing", TrustVisibility.Private);
        await app.StateAsync(ben, eve, 0.6);
        await app.StateAsync(ben, viewer, 0.6, "cooking");
        var client = await app.CreateTokenClientAsync(viewer);

        var body = await (await client.GetAsync($"/api/v1/trust/neighbourhood?around={ben.Handle}&topic=Sailing", Ct)).ReadObjectAsync();

        Assert.Equal("sailing", body["topic"]!.GetValue<string>());
        Assert.Equal(
            new[] { $"{ben.Handle}>{cleo.Handle} 0.25 Some sailing", $"{ben.Handle}>{dan.Handle} 0.6 A lot general", $"{ben.Handle}>{eve.Handle} 0.6 A lot general" }
                .Order(StringComparer.Ordinal),
            Edges(body).Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Neighbourhood_WithoutAround_IsTheCallersOwn_IncludingTheirPrivateStatements(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var viewer = await app.CreatePersonAsync();
        var ben = await app.CreatePersonAsync();
        await app.StateAsync(viewer, ben, 0.6, visibility: TrustVisibility.Private);
        var client = await app.CreateTokenClientAsync(viewer);

        var body = await (await client.GetAsync("/api/v1/trust/neighbourhood", Ct)).ReadObjectAsync();

        Assert.Equal(viewer.Handle, body["around"]!.GetValue<string>());
        Assert.Equal([$"{viewer.Handle}>{ben.Handle} 0.6 A lot general"], Edges(body));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Neighbourhood_UnknownHandleIs404_BadTopicIs400_AndSignedOutIs401(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync());

        var unknown = await client.GetAsync("/api/v1/trust/neighbourhood?around=nobody_at_all_here", Ct);
        var badTopic = await client.GetAsync($"/api/v1/trust/neighbourhood?topic={new string('t', 200)}", Ct);
        var anonymous = await app.CreateClient().GetAsync("/api/v1/trust/neighbourhood", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badTopic.StatusCode);
        Assert.NotNull((await badTopic.ReadObjectAsync())["errors"]?["topic"]);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
