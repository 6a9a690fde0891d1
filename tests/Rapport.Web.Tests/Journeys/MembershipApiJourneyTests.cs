using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Journeys;

/// <summary>
/// The foundation journey through the API alone, as a script with personal access tokens would run it:
/// describe competences, found a community by application, apply, approve, find each other.
/// </summary>
public sealed class MembershipApiJourneyTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TwoPeople_FoundApplyApprove_AndFindEachOther_ThroughTheApi(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = await apps.ForAsync(provider);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ana = await app.CreatePersonAsync(displayName: $"Ana Lindqvist {suffix}");
        var ben = await app.CreatePersonAsync(displayName: $"Ben Okafor {suffix}");
        var asAna = await app.CreateTokenClientAsync(ana);
        var asBen = await app.CreateTokenClientAsync(ben);
        var slug = $"pilots-{suffix}";

        var competences = await asAna.PutAsJsonAsync("/api/v1/people/me/competences",
            new { competences = new[] { new { topic = "Piloting", context = (string?)"Helsinki harbour" }, new { topic = "sea charts", context = (string?)null } } }, ct);
        Assert.Equal(HttpStatusCode.OK, competences.StatusCode);

        var created = await asAna.PostAsJsonAsync("/api/v1/communities", new
        {
            slug,
            name = $"Harbour pilots {suffix}",
            description = "Pilots of the harbour.",
            norms = "Be kind.",
            membershipMode = "byApplication",
            questions = new[] { "Which waters do you know best?" },
        }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var applied = await asBen.PostAsJsonAsync($"/api/v1/communities/{slug}/applications",
            new { answers = new[] { "The archipelago east of Suomenlinna." } }, ct);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var applicationId = (await applied.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        var pending = await asAna.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{slug}/applications", ct);
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == applicationId);

        var approved = await asAna.PostAsJsonAsync($"/api/v1/communities/{slug}/applications/{applicationId}/approve",
            new { message = "Welcome aboard." }, ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("status").GetString());

        var members = await asBen.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{slug}/members", ct);
        var handles = members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("handle").GetString()).ToList();
        Assert.Contains(ana.Handle, handles);
        Assert.Contains(ben.Handle, handles);

        var anaFound = await asBen.GetFromJsonAsync<JsonElement>($"/api/v1/people?q=Lindqvist {suffix}", ct);
        Assert.Equal(ana.Handle, Assert.Single(anaFound.GetProperty("items").EnumerateArray()).GetProperty("handle").GetString());
        var byCompetence = await asBen.GetFromJsonAsync<JsonElement>("/api/v1/people?topic=piloting&limit=50", ct);
        Assert.Contains(byCompetence.GetProperty("items").EnumerateArray(), p => p.GetProperty("handle").GetString() == ana.Handle);
        var benFound = await asAna.GetFromJsonAsync<JsonElement>($"/api/v1/people?q=Okafor {suffix}", ct);
        Assert.Equal(ben.Handle, Assert.Single(benFound.GetProperty("items").EnumerateArray()).GetProperty("handle").GetString());
    }
}
