using System.Net;
using System.Text;
using System.Text.Json;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.People;

public sealed class PeopleApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> GetMeAsync(HttpClient client) =>
        await ReadAsync(await client.GetAsync("/api/v1/people/me", Ct), HttpStatusCode.OK);

    private static string[] Competences(JsonElement profileOrList) =>
        [.. (profileOrList.ValueKind == JsonValueKind.Array ? profileOrList : profileOrList.GetProperty("competences")).EnumerateArray()
            .Select(c => c.GetProperty("context").ValueKind == JsonValueKind.Null
                ? c.GetProperty("topic").GetString()!
                : $"{c.GetProperty("topic").GetString()} @ {c.GetProperty("context").GetString()}")];

    private static async Task AssertValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {problem}");
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task GetPerson_ByHandle_ShowsProfileToAnotherMember(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var aino = await app.CreatePersonAsync(displayName: "Aino Virtanen", configure: p => p.Bio = "I **pilot**.");
        var bruno = await app.CreateTokenClientAsync(await app.CreatePersonAsync());

        var profile = await ReadAsync(await bruno.GetAsync($"/api/v1/people/{aino.Handle.ToUpperInvariant()}", Ct), HttpStatusCode.OK);

        Assert.Equal(aino.Handle, profile.GetProperty("handle").GetString());
        Assert.Equal("Aino Virtanen", profile.GetProperty("displayName").GetString());
        Assert.Equal("available", profile.GetProperty("availability").GetString());
        Assert.Contains("<strong>pilot</strong>", profile.GetProperty("bioHtml").GetString(), StringComparison.Ordinal);
        Assert.False(profile.TryGetProperty("accountId", out _));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task GetPerson_UnknownHandle_IsNotFoundProblem(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync());

        var response = await client.GetAsync("/api/v1/people/nobody_here_at_all", Ct);

        await ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task PutMe_WithValidBody_UpdatesOwnProfile(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var aino = await app.CreatePersonAsync();
        var client = await app.CreateTokenClientAsync(aino);

        var response = await client.PutAsync("/api/v1/people/me",
            Json("""{"displayName":" Aino V ","bio":"Harbour *pilot*","availability":"away","attentionBudget":12}"""), Ct);

        var returned = await ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("Aino V", returned.GetProperty("displayName").GetString());
        var me = await GetMeAsync(client);
        Assert.Equal(aino.Handle, me.GetProperty("handle").GetString());
        Assert.Equal("Aino V", me.GetProperty("displayName").GetString());
        Assert.Equal("Harbour *pilot*", me.GetProperty("bio").GetString());
        Assert.Equal("away", me.GetProperty("availability").GetString());
        Assert.Equal(12, me.GetProperty("attentionBudget").GetInt32());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task PutMe_WithInvalidFields_IsValidationProblemAndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync(displayName: "Before"));
        var before = (await GetMeAsync(client)).ToString();

        var response = await client.PutAsync("/api/v1/people/me",
            Json("""{"displayName":"  ","bio":"ok","availability":"busy","attentionBudget":101}"""), Ct);

        await AssertValidationProblemAsync(response, "displayName", "attentionBudget");
        Assert.Equal(before, (await GetMeAsync(client)).ToString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task PutMe_WithOversizeBio_IsValidationProblemAndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var before = (await GetMeAsync(client)).ToString();
        var body = JsonSerializer.Serialize(new { displayName = "Aino", bio = new string('b', 4001), availability = "busy", attentionBudget = 3 });

        await AssertValidationProblemAsync(await client.PutAsync("/api/v1/people/me", Json(body), Ct), "bio");
        Assert.Equal(before, (await GetMeAsync(client)).ToString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task PutMe_WithProtectedOrUnknownFieldsOrBadJson_IsBadRequestAndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var victim = await app.CreatePersonAsync();
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync(displayName: "Before"));
        var before = (await GetMeAsync(client)).ToString();

        foreach (var body in new[]
        {
            """{"displayName":"New","bio":"","availability":"busy","attentionBudget":3,"handle":"taken_over"}""",
            $$"""{"displayName":"New","bio":"","availability":"busy","attentionBudget":3,"accountId":"{{victim.Account.Id}}"}""",
            """{"displayName":"New","bio":"","availability":"sleeping","attentionBudget":3}""",
            """{"displayName":"New","bio":"","availability":1,"attentionBudget":3}""",
            """{"displayName":"New","bio":"","availability":"busy","attentionBudget":"many"}""",
            """{"displayName":"New",""",
        })
        {
            var response = await client.PutAsync("/api/v1/people/me", Json(body), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, (await GetMeAsync(client)).ToString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task PutCompetences_NormalizesMergesAndKeepsIds(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var first = await ReadAsync(await client.PutAsync("/api/v1/people/me/competences",
            Json("""{"competences":[{"topic":" Piloting ","context":" Helsinki harbour "},{"topic":"PILOTING","context":"helsinki harbour"},{"topic":"Sailing"}]}"""), Ct),
            HttpStatusCode.OK);
        var pilotingId = first.EnumerateArray().Single(c => c.GetProperty("topic").GetString() == "piloting").GetProperty("id").GetInt64();

        var second = await ReadAsync(await client.PutAsync("/api/v1/people/me/competences",
            Json("""{"competences":[{"topic":"piloting","context":"Helsinki harbour"},{"topic":"Öffentliche Verwaltung","context":null}]}"""), Ct),
            HttpStatusCode.OK);

        Assert.Equal(["piloting @ Helsinki harbour", "sailing"], Competences(first));
        Assert.Equal(["piloting @ Helsinki harbour", "öffentliche verwaltung"], Competences(second));
        Assert.Equal(pilotingId, second[0].GetProperty("id").GetInt64());
        Assert.Equal(Competences(second), Competences(await ReadAsync(await client.GetAsync("/api/v1/people/me/competences", Ct), HttpStatusCode.OK)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task PutCompetences_WithInvalidEntry_IsValidationProblemAndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync(configure: p => p.Competences.Add(new() { Topic = "knitting" })));
        var tooMany = string.Join(",", Enumerable.Range(0, 31).Select(i => $$"""{"topic":"topic {{i}}"}"""));

        await AssertValidationProblemAsync(await client.PutAsync("/api/v1/people/me/competences",
            Json("""{"competences":[{"topic":"sailing"},{"topic":"   "}]}"""), Ct), "competences[1].topic");
        await AssertValidationProblemAsync(await client.PutAsync("/api/v1/people/me/competences",
            Json($$"""{"competences":[{{tooMany}}]}"""), Ct), "competences");

        Assert.Equal(["knitting"], Competences(await GetMeAsync(client)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task PostCompetence_AddsOnceThenAnswersTheExistingOne(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync());

        var created = await ReadAsync(await client.PostAsync("/api/v1/people/me/competences",
            Json("""{"topic":"Ice  Navigation","context":"Gulf of Bothnia"}"""), Ct), HttpStatusCode.Created);
        var again = await ReadAsync(await client.PostAsync("/api/v1/people/me/competences",
            Json("""{"topic":"ice navigation","context":"GULF OF BOTHNIA"}"""), Ct), HttpStatusCode.OK);
        await AssertValidationProblemAsync(await client.PostAsync("/api/v1/people/me/competences",
            Json($$"""{"topic":"{{new string('t', 61)}}"}"""), Ct), "topic");

        Assert.Equal("ice navigation", created.GetProperty("topic").GetString());
        Assert.Equal(created.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal(["ice navigation @ Gulf of Bothnia"], Competences(await GetMeAsync(client)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task DeleteCompetence_OwnIsRemovedAndSomeoneElsesIsNotFound(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var aino = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bruno = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var ainos = await ReadAsync(await aino.PostAsync("/api/v1/people/me/competences", Json("""{"topic":"piloting"}"""), Ct), HttpStatusCode.Created);
        var brunos = await ReadAsync(await bruno.PostAsync("/api/v1/people/me/competences", Json("""{"topic":"sailing"}"""), Ct), HttpStatusCode.Created);

        var other = await aino.DeleteAsync($"/api/v1/people/me/competences/{brunos.GetProperty("id").GetInt64()}", Ct);
        var missing = await aino.DeleteAsync("/api/v1/people/me/competences/987654321", Ct);
        var own = await aino.DeleteAsync($"/api/v1/people/me/competences/{ainos.GetProperty("id").GetInt64()}", Ct);

        await ReadAsync(other, HttpStatusCode.NotFound);
        Assert.Equal((await missing.Content.ReadAsStringAsync(Ct)).Length > 0, (await other.Content.ReadAsStringAsync(Ct)).Length > 0);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        Assert.Empty(Competences(await GetMeAsync(aino)));
        Assert.Equal(["sailing"], Competences(await GetMeAsync(bruno)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task FindPeople_ByTextAndTopic_PagesWithTotal(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        // A topic no other test uses keeps this test independent of the shared app's other people.
        var topic = $"fjord{Guid.NewGuid():N}"[..20];
        var people = new List<TestPerson>();
        foreach (var name in new[] { "Cleo Öberg", "alma Öberg", "Bo Öberg" })
        {
            people.Add(await app.CreatePersonAsync(displayName: name, configure: p => p.Competences.Add(new() { Topic = topic, Context = "Bergen" })));
        }

        var client = await app.CreateTokenClientAsync(people[0]);

        var page = await ReadAsync(await client.GetAsync($"/api/v1/people?q={topic.ToUpperInvariant()}&limit=2", Ct), HttpStatusCode.OK);
        var next = await ReadAsync(await client.GetAsync($"/api/v1/people?topic={topic}&limit=2&offset=2", Ct), HttpStatusCode.OK);

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(["alma Öberg", "Bo Öberg"], page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("displayName").GetString()));
        Assert.Equal(["Cleo Öberg"], next.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("displayName").GetString()));
        Assert.Equal([$"{topic} @ Bergen"], Competences(next.GetProperty("items")[0]));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task FindPeople_WithBadParameters_IsValidationProblem(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync());

        await AssertValidationProblemAsync(await client.GetAsync($"/api/v1/people?q={new string('x', 101)}", Ct), "q");
        await AssertValidationProblemAsync(await client.GetAsync("/api/v1/people?limit=51", Ct), "limit");
        await AssertValidationProblemAsync(await client.GetAsync("/api/v1/people?offset=-1", Ct), "offset");
    }
}
