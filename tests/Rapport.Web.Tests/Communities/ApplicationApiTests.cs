using System.Net;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Communities;

public sealed class ApplicationApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ApplicationResponse> ApplyAsync(HttpClient client, string slug, params string[] answers)
    {
        var response = await client.PostJsonAsync($"/api/v1/communities/{slug}/applications", new { answers });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<ApplicationResponse>();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ApplyListApprove_MakesApplicantMemberAndShowsThemTheMessage(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bob = await app.CreatePersonAsync();
        var bobClient = await app.CreateTokenClientAsync(bob);
        var slug = await host.CreateCommunityAsync("byApplication", "Why?");

        var application = await ApplyAsync(bobClient, slug, "To learn.");
        var list = await (await host.GetAsync($"/api/v1/communities/{slug}/applications", Ct)).ReadAsync<PageResponse<ApplicationResponse>>();
        var approved = await host.PostJsonAsync($"/api/v1/communities/{slug}/applications/{application.Id}/approve", new { message = "Welcome!" });
        var seenByBob = await (await bobClient.GetAsync($"/api/v1/communities/{slug}/applications/{application.Id}", Ct)).ReadAsync<ApplicationResponse>();
        var community = await (await bobClient.GetAsync($"/api/v1/communities/{slug}", Ct)).ReadAsync<CommunityResponse>();

        var listed = Assert.Single(list.Items);
        Assert.Equal((bob.Handle, "Why?", "To learn."), (listed.Applicant.Handle, listed.Answers[0].Question, listed.Answers[0].Text));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal((ApplicationStatus.Approved, "Welcome!"), (seenByBob.Status, seenByBob.DecisionMessage));
        Assert.Equal(CommunityRole.Member, community.Viewer.Role);
        Assert.Contains(community.Members, m => m.Handle == bob.Handle);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Apply_WithMissingAnswer_Is400WithFieldErrorsAndCreatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bob = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("byApplication", "One?", "Two?");

        var response = await bob.PostJsonAsync($"/api/v1/communities/{slug}/applications", new { answers = new[] { "Yes", "  " } });
        var list = await (await host.GetAsync($"/api/v1/communities/{slug}/applications", Ct)).ReadAsync<PageResponse<ApplicationResponse>>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Answer 2 is required.", (await response.ReadObjectAsync())["errors"]!["answers[1]"]![0]!.GetValue<string>());
        Assert.Equal(0, list.Total);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Apply_WithRoleField_Is400AndCreatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bob = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("byApplication", "Why?");

        var response = await bob.PostRawJsonAsync($"/api/v1/communities/{slug}/applications", """{"answers":["Because."],"role":"host"}""");
        var list = await (await host.GetAsync($"/api/v1/communities/{slug}/applications", Ct)).ReadAsync<PageResponse<ApplicationResponse>>();
        var community = await (await bob.GetAsync($"/api/v1/communities/{slug}", Ct)).ReadAsync<CommunityResponse>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, list.Total);
        Assert.Null(community.Viewer.Role);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Get_ByStranger_Is404IdenticalToMissingApplication(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bob = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var stranger = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("byApplication", "Why?");
        var application = await ApplyAsync(bob, slug, "Private reasons.");

        var hidden = await stranger.GetAsync($"/api/v1/communities/{slug}/applications/{application.Id}", Ct);
        var missing = await stranger.GetAsync($"/api/v1/communities/{slug}/applications/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var hiddenBody = await hidden.ReadObjectAsync();
        var missingBody = await missing.ReadObjectAsync();
        Assert.True(hiddenBody.Remove("traceId") && missingBody.Remove("traceId"));
        Assert.Equal(missingBody.ToJsonString(), hiddenBody.ToJsonString());
        Assert.Equal(missing.Content.Headers.ContentType, hidden.Content.Headers.ContentType);
        Assert.DoesNotContain("Private reasons", hiddenBody.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ApproveAndList_ByNonHost_Are404AndChangeNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bob = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("byApplication", "Why?");
        var application = await ApplyAsync(bob, slug, "Because.");

        var selfApprove = await bob.PostJsonAsync($"/api/v1/communities/{slug}/applications/{application.Id}/approve", new { });
        var list = await bob.GetAsync($"/api/v1/communities/{slug}/applications", Ct);
        var after = await (await bob.GetAsync($"/api/v1/communities/{slug}/applications/{application.Id}", Ct)).ReadAsync<ApplicationResponse>();

        Assert.Equal(HttpStatusCode.NotFound, selfApprove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(ApplicationStatus.Pending, after.Status);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Decline_WithOversizedMessage_Is400_ThenDeclineAndWithdrawDecidedIs409(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bob = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("byApplication");
        var application = await ApplyAsync(bob, slug);
        var url = $"/api/v1/communities/{slug}/applications/{application.Id}";

        var tooLong = await host.PostJsonAsync($"{url}/decline", new { message = new string('m', 2001) });
        var pending = await (await bob.GetAsync(url, Ct)).ReadAsync<ApplicationResponse>();
        var declined = await host.PostJsonAsync($"{url}/decline", new { message = "Not now." });
        var withdraw = await bob.DeleteAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(ApplicationStatus.Pending, pending.Status);
        Assert.Equal(ApplicationStatus.Declined, (await declined.ReadAsync<ApplicationResponse>()).Status);
        Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Withdraw_OwnPending_Is204_AndApplyingTwiceWhilePendingIs409(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bob = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("byApplication");
        var application = await ApplyAsync(bob, slug);

        var twice = await bob.PostJsonAsync($"/api/v1/communities/{slug}/applications", new { answers = Array.Empty<string>() });
        var byHost = await host.DeleteAsync($"/api/v1/communities/{slug}/applications/{application.Id}", Ct);
        var withdrawn = await bob.DeleteAsync($"/api/v1/communities/{slug}/applications/{application.Id}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byHost.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
    }
}
