using System.Net;
using System.Text.Json.Nodes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;
using Rapport.Web.Tests.Api;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;
using Rapport.Web.Trust;

namespace Rapport.Web.Tests.Trust;

public sealed class TrustApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task State_Read_Change_Revoke_ThroughTheApi(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var ada = await app.CreatePersonAsync();
        var bo = await app.CreatePersonAsync();
        var client = await app.CreateTokenClientAsync(ada);
        var boClient = await app.CreateTokenClientAsync(bo);

        var created = await client.PostJsonAsync("/api/v1/trust/statements",
            new { to = "@" + bo.Handle.ToUpperInvariant(), value = 0.6, topic = " Piloting ", visibility = "public", note = "Steady **hands**. <script>x</script>" });
        var statement = await created.ReadAsync<TrustStatementResponse>();
        var again = await client.PostJsonAsync("/api/v1/trust/statements", new { to = bo.Handle, value = 1, topic = "piloting", visibility = "private" });
        var changed = await client.PutJsonAsync($"/api/v1/trust/statements/{statement.Id}", new { value = 0.25, visibility = "public", note = "Hm." });
        var listed = await (await client.GetAsync("/api/v1/trust/statements?topic=PILOTING", Ct)).ReadAsync<TrustStatementPageResponse>();
        var history = await (await client.GetAsync($"/api/v1/trust/statements/{statement.Id}/history", Ct)).ReadAsync<TrustHistoryResponse>();
        var revoked = await client.DeleteAsync($"/api/v1/trust/statements/{statement.Id}", Ct);
        var ownAfter = await (await client.GetAsync($"/api/v1/trust/statements/{statement.Id}", Ct)).ReadAsync<TrustStatementResponse>();
        var subjectAfter = await boClient.GetAsync($"/api/v1/trust/statements/{statement.Id}", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/trust/statements/{statement.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal((ada.Handle, bo.Handle, 0.6, "A lot", "piloting", TrustVisibility.Public),
            (statement.From.Handle, statement.To.Handle, statement.Value, statement.Level, statement.Topic, statement.Visibility));
        Assert.Contains("<strong>hands</strong>", statement.NoteHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", statement.NoteHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(statement.Id, (await again.ReadAsync<TrustStatementResponse>()).Id);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(statement.Id, Assert.Single(listed.Items).Id);
        Assert.Equal([TrustStatementEvent.Stated, TrustStatementEvent.Changed, TrustStatementEvent.Changed], history.Versions.Select(v => v.Event));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.NotNull(ownAfter.RevokedAt);
        await ApiProblemAssert.ProblemAsync(subjectAfter, HttpStatusCode.NotFound);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TrustedBy_ShowsPublicAndSharedStatements_NeverSomeoneElsesPrivateOne(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var scene = await Scene.CreateAsync(app);
        var url = $"/api/v1/people/{scene.Member.Handle}/trusted-by";

        async Task<(int Total, HashSet<Guid> Ids, string Text)> SeenBy(Actor actor)
        {
            var response = await actor.Client.GetAsync(url, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            var page = await response.ReadAsync<TrustStatementPageResponse>();
            return (page.Total, page.Items.Select(s => s.Id).ToHashSet(), text);
        }

        var stranger = await SeenBy(scene.Stranger);
        var member = await SeenBy(scene.Member);
        var host = await SeenBy(scene.Host);

        Assert.Equal(1, stranger.Total);
        Assert.Equal([scene.PublicStatementId], stranger.Ids);
        Assert.Equal(2, member.Total);
        Assert.Equal(new[] { scene.PublicStatementId, scene.CommunityStatementId }.Order(), member.Ids.Order());
        Assert.Equal(3, host.Total);
        Assert.DoesNotContain("Private note.", stranger.Text + member.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Community note.", stranger.Text, StringComparison.Ordinal);
        await ApiProblemAssert.ProblemAsync(await scene.Stranger.Client.GetAsync("/api/v1/people/nobody_by_this_name/trusted-by", Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task State_WithBadValues_Is400NamingEachField_AndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var scene = await Scene.CreateAsync(app);
        var before = await MineAsync(scene.Host);

        var response = await scene.Host.Client.PostJsonAsync("/api/v1/trust/statements",
            new { to = scene.Host.Handle, value = 0, topic = "sail\u0007ing", visibility = "community", community = scene.OtherCommunity });
        var problem = await ApiProblemAssert.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(["community", "to", "topic", "value"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before, await MineAsync(scene.Host));
    }

    [Fact]
    public async Task Everything_RequiresSignIn()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var anonymous = app.CreateClient();

        foreach (var url in new[] { "/api/v1/trust/statements", "/api/v1/trust/web", "/api/v1/trust/someone", "/api/v1/people/someone/trusted-by" })
        {
            await ApiProblemAssert.ProblemAsync(await anonymous.GetAsync(url, Ct), HttpStatusCode.Unauthorized, because: url);
        }
    }

    private static async Task<string> MineAsync(Actor actor) =>
        (await (await actor.Client.GetAsync("/api/v1/trust/statements?includeRevoked=true&limit=100", Ct)).ReadObjectAsync()).ToJsonString();
}

/// <summary>The API's trust queries; they run the engine (TrustQueries).</summary>
public sealed class TrustQueryApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TrustInWhyAndWeb_AnswerFromTheCallersPerspective(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var scene = await Scene.CreateAsync(app);
        var cy = await app.CreatePersonAsync();
        Assert.Equal(HttpStatusCode.Created, (await scene.Member.Client.PostJsonAsync("/api/v1/trust/statements",
            new { to = cy.Handle, value = 0.6, topic = "sailing", visibility = "public" })).StatusCode);

        var trustIn = await OkAsync<TrustInResponse>(scene.Host, $"/api/v1/trust/{cy.Handle}?topic=sailing");
        var why = await OkAsync<TrustExplanationResponse>(scene.Host, $"/api/v1/trust/{cy.Handle}/why?topic=sailing");
        var web = await OkAsync<WebOfTrustResponse>(scene.Host, "/api/v1/trust/web?topic=sailing&limit=10");
        var strangers = await OkAsync<WebOfTrustResponse>(scene.Stranger, "/api/v1/trust/web");

        Assert.True(trustIn.Level > 0);
        Assert.Empty(trustIn.MyStatements);
        Assert.Equal([scene.Host.Handle, scene.Member.Handle], why.Paths[0].Hops.Select(h => h.From.Handle));
        Assert.Contains(web.People, p => p.Person.Handle == cy.Handle);
        Assert.Empty(strangers.People); // the stranger has stated nothing, so nothing is reachable
        await ApiProblemAssert.ProblemAsync(await scene.Host.Client.GetAsync("/api/v1/trust/web?limit=101", Ct), HttpStatusCode.BadRequest, "limit");
    }

    private static async Task<T> OkAsync<T>(Actor actor, string url)
    {
        var response = await actor.Client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.ReadAsync<T>();
    }
}
