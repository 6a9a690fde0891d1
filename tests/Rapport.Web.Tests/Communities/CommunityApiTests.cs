using System.Net;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Communities;

public sealed class CommunityApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_ThenGet_ShowsCommunityWithCallerAsHost(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var client = await app.CreateTokenClientAsync(alice);
        var slug = CommunityApiClient.NewSlug();

        var created = await client.PostJsonAsync("/api/v1/communities", new
        {
            slug,
            name = "Harbour pilots",
            description = "We **guide** ships. <script>alert(1)</script>",
            norms = "Be on time.",
            membershipMode = "byApplication",
            questions = new[] { "Why?", "Where do you sail?" },
        });
        var community = await (await client.GetAsync($"/api/v1/communities/{slug}", Ct)).ReadAsync<CommunityResponse>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/communities/{slug}", created.Headers.Location?.OriginalString);
        Assert.Equal(("Harbour pilots", MembershipMode.ByApplication, CommunityRole.Host), (community.Name, community.MembershipMode, community.Viewer.Role));
        Assert.Equal(["Why?", "Where do you sail?"], community.Questions);
        Assert.Contains("<strong>guide</strong>", community.DescriptionHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", community.DescriptionHtml, StringComparison.Ordinal);
        Assert.Equal((alice.Handle, CommunityRole.Host), (Assert.Single(community.Members).Handle, community.Members[0].Role));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithBadFields_Is400WithFieldErrorsAndCreatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var client = await app.CreateTokenClientAsync(alice);
        var slug = CommunityApiClient.NewSlug();
        await client.CreateCommunityAsync("open"); // something to compare the list against

        var reserved = await client.PostJsonAsync("/api/v1/communities", new { slug = "new", name = "x", membershipMode = "open" });
        var response = await client.PostJsonAsync("/api/v1/communities", new
        {
            slug,
            name = "",
            description = new string('d', 4001),
            membershipMode = "open",
            questions = Enumerable.Range(0, 11).Select(i => $"Q{i}").ToArray(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        Assert.Equal("That address is reserved.", (await reserved.ReadObjectAsync())["errors"]!["slug"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name") && errors.ContainsKey("description") && errors.ContainsKey("questions"), errors.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/communities/{slug}", Ct)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithUnknownField_Is400AndCreatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = CommunityApiClient.NewSlug();

        var response = await client.PostRawJsonAsync("/api/v1/communities",
            $$"""{"slug":"{{slug}}","name":"Backdated","membershipMode":"open","createdAt":"2000-01-01T00:00:00Z"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/communities/{slug}", Ct)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Update_ByHost_ChangesIt_ByMember_Is404AndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var member = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("open");
        await member.PostJsonAsync($"/api/v1/communities/{slug}/membership", new { });
        var body = new { name = "Renamed", description = "", norms = "", membershipMode = "byInvitation", questions = Array.Empty<string>() };

        var byMember = await member.PutJsonAsync($"/api/v1/communities/{slug}", body with { name = "Hijacked" });
        var afterMember = await (await host.GetAsync($"/api/v1/communities/{slug}", Ct)).ReadAsync<CommunityResponse>();
        var byHost = await host.PutJsonAsync($"/api/v1/communities/{slug}", body);
        var invalid = await host.PutJsonAsync($"/api/v1/communities/{slug}", body with { name = new string('n', 81) });
        var afterHost = await (await host.GetAsync($"/api/v1/communities/{slug}", Ct)).ReadAsync<CommunityResponse>();

        Assert.Equal(HttpStatusCode.NotFound, byMember.StatusCode);
        Assert.Equal($"Community {slug}", afterMember.Name);
        Assert.Equal(HttpStatusCode.OK, byHost.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(("Renamed", MembershipMode.ByInvitation), (afterHost.Name, afterHost.MembershipMode));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task List_WithSearchAndPaging_ReturnsMatchesWithMemberCounts_BadLimitIs400(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await client.CreateCommunityAsync("open");

        var page = await (await client.GetAsync($"/api/v1/communities?q={slug.ToUpperInvariant()}&limit=5", Ct)).ReadAsync<PageResponse<CommunitySummaryResponse>>();
        var bad = await client.GetAsync("/api/v1/communities?limit=1000&offset=-1", Ct);

        Assert.Equal((slug, 1), (Assert.Single(page.Items).Slug, page.Items[0].MemberCount));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("limit") && errors.ContainsKey("offset"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task JoinAndLeave_OpenCommunity_LastHostLeavingIs409(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bob = await app.CreatePersonAsync();
        var bobClient = await app.CreateTokenClientAsync(bob);
        var slug = await host.CreateCommunityAsync("open");

        var joined = await bobClient.PostJsonAsync($"/api/v1/communities/{slug}/membership", new { });
        var again = await bobClient.PostJsonAsync($"/api/v1/communities/{slug}/membership", new { });
        var members = await (await host.GetAsync($"/api/v1/communities/{slug}/members", Ct)).ReadAsync<PageResponse<MemberResponse>>();
        var hostLeaves = await host.DeleteAsync($"/api/v1/communities/{slug}/membership", Ct);
        var bobLeaves = await bobClient.DeleteAsync($"/api/v1/communities/{slug}/membership", Ct);
        var bobLeavesAgain = await bobClient.DeleteAsync($"/api/v1/communities/{slug}/membership", Ct);

        Assert.Equal((HttpStatusCode.OK, CommunityRole.Member), (joined.StatusCode, (await joined.ReadAsync<MembershipResponse>()).Role));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, members.Total);
        Assert.Equal(HttpStatusCode.Conflict, hostLeaves.StatusCode);
        Assert.Contains("last host", (await hostLeaves.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, bobLeaves.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bobLeavesAgain.StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ChangeRole_HostPromotesMember_BadRoleIs400_NonHostIs404(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var bob = await app.CreatePersonAsync();
        var bobClient = await app.CreateTokenClientAsync(bob);
        var slug = await host.CreateCommunityAsync("open");
        await bobClient.PostJsonAsync($"/api/v1/communities/{slug}/membership", new { });

        var byBob = await bobClient.PutJsonAsync($"/api/v1/communities/{slug}/members/{bob.Handle}/role", new { role = "host" });
        var badRole = await host.PutJsonAsync($"/api/v1/communities/{slug}/members/{bob.Handle}/role", new { role = "owner" });
        var promoted = await host.PutJsonAsync($"/api/v1/communities/{slug}/members/{bob.Handle}/role", new { role = "host" });

        Assert.Equal(HttpStatusCode.NotFound, byBob.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal(CommunityRole.Host, (await promoted.ReadAsync<MemberResponse>()).Role);
    }
}
