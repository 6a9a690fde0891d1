using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Testing;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Agreements;

/// <summary>The agreement chain through the API: propose → confirm → deliver → reflect → resolve crediting two, and the refusals.</summary>
public sealed class AgreementChainApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TheChain_ThroughTheApi_CreditsTwoContributors_AndRefusesBadMovesWithProblemDetails(DatabaseProvider provider)
    {
        await using var app = await RapportApp.StartAsync(provider);
        var asker = await app.CreatePersonAsync();
        var helper = await app.CreatePersonAsync();
        var second = await app.CreatePersonAsync();
        var stranger = await app.CreatePersonAsync();
        var problem = await ProblemSeed.ProblemAsync(app.Services, asker, "Hull leaks");
        var hidden = await ProblemSeed.ProblemAsync(app.Services, asker, "Hidden", ProblemVisibility.Invited);
        var fromHelper = await ProblemSeed.ContributionAsync(app.Services, problem, helper, "Use epoxy.");
        var fromSecond = await ProblemSeed.ContributionAsync(app.Services, problem, second, "Dry it first.");
        var askerApi = await app.CreateTokenClientAsync(asker);
        var helperApi = await app.CreateTokenClientAsync(helper);
        var strangerApi = await app.CreateTokenClientAsync(stranger);
        var agreements = $"/api/v1/problems/{problem}/agreements";

        var proposed = await askerApi.PostJsonAsync(agreements, new { helper = helper.Handle, scope = "Patch the hull", priceAmount = 120.5, priceCurrency = "EUR", dueOn = "2026-12-01" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var agreement = (await proposed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        await ExpectProblem(await askerApi.PostAsync($"{agreements}/{agreement}/confirm", null, Ct), HttpStatusCode.Conflict, "You proposed this agreement");
        await ExpectProblem(await helperApi.PostAsync($"{agreements}/{agreement}/deliver", null, Ct), HttpStatusCode.Conflict, "Both sides must confirm");
        await ExpectProblem(await helperApi.PostJsonAsync(agreements, new { scope = "Again" }), HttpStatusCode.Conflict, "already an agreement");
        await ExpectProblem(await strangerApi.PostAsync($"/api/v1/problems/{hidden}/agreements/{agreement}/confirm", null, Ct), HttpStatusCode.NotFound, "");
        Assert.Equal(HttpStatusCode.OK, (await helperApi.PostAsync($"{agreements}/{agreement}/confirm", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await helperApi.PostAsync($"{agreements}/{agreement}/deliver", null, Ct)).StatusCode);

        var reflected = await askerApi.PostJsonAsync($"{agreements}/{agreement}/reflections", new { text = "Careful work." });
        Assert.Equal(HttpStatusCode.Created, reflected.StatusCode);
        var offer = (await reflected.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("trustOffer");
        Assert.Equal($"/people/{helper.Handle}?topic=sailing#your-trust", offer.GetProperty("link").GetString());
        await ExpectProblem(await askerApi.PostJsonAsync($"{agreements}/{agreement}/reflections", new { text = "Again" }), HttpStatusCode.Conflict, "already written");

        await ExpectProblem(await strangerApi.PostJsonAsync($"/api/v1/problems/{problem}/resolution", new { summary = "Mine", contributionIds = new[] { fromHelper } }),
            HttpStatusCode.Conflict, "Only the asker");
        await ExpectProblem(await strangerApi.PostJsonAsync($"/api/v1/problems/{hidden}/resolution", new { summary = "Mine", contributionIds = new[] { fromHelper } }),
            HttpStatusCode.NotFound, "");
        var resolved = await askerApi.PostJsonAsync($"/api/v1/problems/{problem}/resolution", new { outcome = "resolved", summary = "It held.", contributionIds = new[] { fromHelper, fromSecond } });
        Assert.Equal(HttpStatusCode.Created, resolved.StatusCode);
        var credited = (await resolved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("credits").EnumerateArray()
            .Select(c => c.GetProperty("person").GetProperty("handle").GetString()).Order().ToList();
        Assert.Equal(new[] { helper.Handle, second.Handle }.Order(), credited);
        await ExpectProblem(await askerApi.PostJsonAsync($"/api/v1/problems/{problem}/resolution", new { summary = "Again", contributionIds = new[] { fromHelper } }),
            HttpStatusCode.Conflict, "has ended");

        var ledger = await strangerApi.GetFromJsonAsync<JsonElement>($"/api/v1/people/{second.Handle}/ledger", Ct);
        Assert.Equal("It held.", ledger.GetProperty("items")[0].GetProperty("enabled").GetString());
        var relationship = await askerApi.GetFromJsonAsync<JsonElement>($"/api/v1/people/{helper.Handle}/relationship", Ct);
        Assert.Equal(["credited", "reflected", "delivered", "agreed"],
            relationship.GetProperty("interactions").EnumerateArray().Select(i => i.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await askerApi.PostAsync($"/api/v1/problems/{problem}/reopen", null, Ct)).StatusCode);
    }

    private static async Task ExpectProblem(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
