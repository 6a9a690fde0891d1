using System.Net;
using Rapport.Core.Dialogue;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Testing;
using Rapport.Web.Problems;
using Rapport.Web.Tests.Api;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Problems;

public sealed class ProblemsApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Problems_PostFindSimilarContributeReplyAndThank_ThroughTheApi(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var asker = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var helperPerson = await app.CreatePersonAsync();
        var helper = await app.CreateTokenClientAsync(helperPerson);
        var word = $"w{Guid.NewGuid():N}"[..12];

        var posted = await asker.PostJsonAsync("/api/v1/problems", new
        {
            kind = "request", title = $"Winter storage {word}", body = "Small *wooden* boat.", topics = new[] { "Sailing" }, visibility = "public",
        });
        var problem = await posted.ReadAsync<ProblemSummaryResponse>();
        var similar = await (await helper.GetAsync($"/api/v1/problems/similar?q=storage+{word}", Ct)).ReadAsync<List<SimilarProblemResponse>>();
        var answer = await (await helper.PostJsonAsync($"/api/v1/problems/{problem.Id}/contributions",
            new { kind = "reply", body = "The east basin is sheltered." })).ReadAsync<ContributionResponse>();
        var reply = await asker.PostJsonAsync($"/api/v1/problems/{problem.Id}/contributions",
            new { kind = "reply", body = "Deep enough?", replyTo = answer.Id, quote = "east basin" });
        var thanked = await asker.PostAsync($"/api/v1/problems/{problem.Id}/contributions/{answer.Id}/thanks", null, Ct);
        var again = await asker.PostAsync($"/api/v1/problems/{problem.Id}/contributions/{answer.Id}/thanks", null, Ct);
        var view = await (await helper.GetAsync($"/api/v1/problems/{problem.Id}", Ct)).ReadAsync<ProblemResponse>();
        var mine = await (await asker.GetAsync("/api/v1/problems?listing=mine&topic=sailing", Ct)).ReadAsync<ProblemPageResponse>();

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal($"/api/v1/problems/{problem.Id}", posted.Headers.Location?.OriginalString);
        Assert.Equal((ProblemKind.Request, ProblemStatus.Open, "sailing"), (problem.Kind, problem.Status, Assert.Single(problem.Topics)));
        Assert.Equal(problem.Id, Assert.Single(similar).Problem.Id);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(HttpStatusCode.OK, thanked.StatusCode);
        await ApiProblemAssert.ProblemAsync(again, HttpStatusCode.Conflict, because: "thanking twice");
        Assert.Equal(ProblemStatus.InDialogue, view.Problem.Status);
        Assert.Equal([ContributionKind.Reply, ContributionKind.Reply], view.Dialogue.Contributions.Select(c => c.Kind));
        Assert.Equal((0, 1, "east basin", 1), (view.Dialogue.Contributions[0].Depth, view.Dialogue.Contributions[1].Depth,
            view.Dialogue.Contributions[1].Quote, view.Dialogue.Contributions[0].ThanksCount));
        Assert.Equal(helperPerson.Handle, view.Dialogue.Contributions[0].Author.Handle);
        Assert.Equal(problem.Id, Assert.Single(mine.Items).Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task BadInput_IsAProblemDetailsAnswer_AndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var asker = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var other = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var problem = await (await asker.PostJsonAsync("/api/v1/problems", new { kind = "question", title = "Knot for a mooring line", visibility = "public" }))
            .ReadAsync<ProblemSummaryResponse>();

        await ApiProblemAssert.ProblemAsync(await asker.PostJsonAsync("/api/v1/problems", new { kind = "question", title = "x", visibility = "public" }),
            HttpStatusCode.BadRequest, "title", "short title");
        await ApiProblemAssert.ProblemAsync(await asker.PostJsonAsync("/api/v1/problems", new { kind = "question", title = "Fine title", visibility = "community" }),
            HttpStatusCode.BadRequest, "community", "community without one");
        await ApiProblemAssert.ProblemAsync(await other.PostJsonAsync($"/api/v1/problems/{problem.Id}/contributions", new { kind = "artefact" }),
            HttpStatusCode.BadRequest, "url", "artefact without url");
        await ApiProblemAssert.ProblemAsync(await other.PutJsonAsync($"/api/v1/problems/{problem.Id}", new { kind = "question", title = "Mine now", visibility = "public" }),
            HttpStatusCode.NotFound, because: "editing someone else's");
        await ApiProblemAssert.ProblemAsync(await asker.GetAsync("/api/v1/problems?status=Open", Ct), HttpStatusCode.BadRequest, "status", "status spelling");
        await ApiProblemAssert.ProblemAsync(await asker.GetAsync("/api/v1/problems/similar?limit=99&q=knot", Ct), HttpStatusCode.BadRequest, "limit", "limit");

        var view = await (await asker.GetAsync($"/api/v1/problems/{problem.Id}", Ct)).ReadAsync<ProblemResponse>();
        Assert.Equal(("Knot for a mooring line", ProblemStatus.Open), (view.Problem.Title, view.Problem.Status));
        Assert.Empty(view.Dialogue.Contributions);
    }
}
