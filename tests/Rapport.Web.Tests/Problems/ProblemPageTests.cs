using System.Net;
using AngleSharp.Html.Parser;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Problems;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Problems;

/// <summary>The problem pages through real forms with antiforgery, as a browser without JavaScript uses them.</summary>
public sealed class ProblemPageTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string Main)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, new HtmlParser().ParseDocument(html).QuerySelector("main")?.InnerHtml ?? "");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Compose_ChecksForSimilarProblems_ThenPosts_ThenTheDialogueWorksWithoutScript(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var asker = await app.CreatePersonAsync();
        var helper = await app.CreatePersonAsync();
        var askerBrowser = await app.CreateSignedInClientAsync(asker);
        var helperBrowser = await app.CreateSignedInClientAsync(helper);
        var word = $"w{Guid.NewGuid():N}"[..12];
        var earlier = await (await (await app.CreateTokenClientAsync(helper)).PostJsonAsync("/api/v1/problems",
            new { kind = "question", title = $"Earlier {word} question", visibility = "public" })).ReadAsync<ProblemSummaryResponse>();
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = $"Mooring {word} for winter", ["Input.Kind"] = "Question", ["Input.Body"] = "A **small** boat. <script>x</script>",
            ["Input.Topics"] = "sailing, Boat Repair", ["Input.Visibility"] = "Public", ["Input.Action"] = "check",
        };

        var checkedSimilar = await askerBrowser.SubmitFormAsync("/problems/new", fields, "new-problem");
        var checkedHtml = await checkedSimilar.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, checkedSimilar.StatusCode);
        Assert.Contains("Similar problems already asked", checkedHtml, StringComparison.Ordinal);
        Assert.Contains($"/problems/{earlier.Id}", checkedHtml, StringComparison.Ordinal);
        Assert.Equal(0, (await (await (await app.CreateTokenClientAsync(asker)).GetAsync("/api/v1/problems?listing=mine", Ct)).ReadObjectAsync())["total"]!.GetValue<int>());

        fields["Input.Action"] = "post";
        var posted = await askerBrowser.SubmitFormAsync("/problems/new", fields, "new-problem");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var problemUrl = posted.Headers.Location!.OriginalString.Split('?')[0];

        var contributed = await helperBrowser.SubmitFormAsync(problemUrl, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Perspective", ["Input.PerspectiveName"] = "The harbour master's view", ["Input.Body"] = "Safety *first*.",
        }, "contribute");
        Assert.Equal(HttpStatusCode.Redirect, contributed.StatusCode);
        var (_, main) = await PageAsync(askerBrowser, problemUrl);
        Assert.Contains("In dialogue", main, StringComparison.Ordinal);
        Assert.Contains("The harbour master's view", main, StringComparison.Ordinal);
        Assert.Contains("<strong>small</strong>", main, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>x", main, StringComparison.Ordinal);

        var contributionId = new HtmlParser().ParseDocument(main).QuerySelector("button[name=ThankId]")!.GetAttribute("value")!;
        var thanked = await askerBrowser.SubmitFormAsync(problemUrl, new Dictionary<string, string> { ["ThankId"] = contributionId }, "thank");
        Assert.Equal(HttpStatusCode.Redirect, thanked.StatusCode);
        var (_, afterThanks) = await PageAsync(askerBrowser, problemUrl);
        Assert.Contains("You thanked this.", afterThanks, StringComparison.Ordinal);

        var replied = await askerBrowser.SubmitFormAsync($"{problemUrl}?replyTo={contributionId}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Reply", ["Input.Body"] = "Agreed.", ["Input.Quote"] = "not in the text",
        }, "contribute");
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Contains("Quote a passage of the contribution you reply to", await replied.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AnInvitedOnlyProblem_IsNotFoundForOthers_AndItsEditPageForNonAuthors(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var asker = await app.CreatePersonAsync();
        var stranger = await app.CreateSignedInClientAsync(await app.CreatePersonAsync());
        var hidden = await (await (await app.CreateTokenClientAsync(asker)).PostJsonAsync("/api/v1/problems",
            new { kind = "question", title = "Only for invited people", visibility = "invited" })).ReadAsync<ProblemSummaryResponse>();
        var open = await (await (await app.CreateTokenClientAsync(asker)).PostJsonAsync("/api/v1/problems",
            new { kind = "question", title = "For everyone", visibility = "public" })).ReadAsync<ProblemSummaryResponse>();

        var (hiddenStatus, hiddenMain) = await PageAsync(stranger, $"/problems/{hidden.Id}");
        var (missingStatus, _) = await PageAsync(stranger, $"/problems/{Guid.NewGuid()}");
        var (editStatus, _) = await PageAsync(stranger, $"/problems/{open.Id}/edit");
        var (listStatus, list) = await PageAsync(stranger, "/problems");

        Assert.Equal(HttpStatusCode.NotFound, hiddenStatus);
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.DoesNotContain("Only for invited people", hiddenMain, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, editStatus);
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("For everyone", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Only for invited people", list, StringComparison.Ordinal);
    }
}
