using System.Net;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Communities;

public sealed class InvitationApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CreateAcceptRevoke_LetsAGuestJoinUntilRevoked(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var guest = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var late = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("byInvitation");

        var createdResponse = await host.PostJsonAsync($"/api/v1/communities/{slug}/invitations", new { expiresInDays = 7, maxUses = 10 });
        var created = await createdResponse.ReadAsync<CreatedInvitationResponse>();
        var accepted = await guest.PostJsonAsync($"/api/v1/invitations/{created.Secret}/accept", new { });
        var links = await (await host.GetAsync($"/api/v1/communities/{slug}/invitations", Ct)).ReadAsync<List<InvitationLinkResponse>>();
        var revoked = await host.DeleteAsync($"/api/v1/communities/{slug}/invitations/{created.Link.Id}", Ct);
        var afterRevoke = await late.PostJsonAsync($"/api/v1/invitations/{created.Secret}/accept", new { });

        Assert.Equal(HttpStatusCode.Created, createdResponse.StatusCode);
        Assert.Equal($"https://localhost/join/{created.Secret}", created.Url);
        var joined = await accepted.ReadAsync<CommunitySummaryResponse>();
        Assert.Equal((slug, 2), (joined.Slug, joined.MemberCount));
        Assert.Equal((1, 10), (Assert.Single(links).Uses, links[0].MaxUses));
        Assert.DoesNotContain(created.Secret, await (await host.GetAsync($"/api/v1/communities/{slug}/invitations", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterRevoke.StatusCode);
        Assert.Contains("revoked", (await afterRevoke.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CreateListRevoke_ByNonHost_Are404(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var member = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("open");
        await member.PostJsonAsync($"/api/v1/communities/{slug}/membership", new { });
        var link = await (await host.PostJsonAsync($"/api/v1/communities/{slug}/invitations", new { expiresInDays = 1 })).ReadAsync<CreatedInvitationResponse>();

        var create = await member.PostJsonAsync($"/api/v1/communities/{slug}/invitations", new { expiresInDays = 1 });
        var list = await member.GetAsync($"/api/v1/communities/{slug}/invitations", Ct);
        var revoke = await member.DeleteAsync($"/api/v1/communities/{slug}/invitations/{link.Link.Id}", Ct);
        var links = await (await host.GetAsync($"/api/v1/communities/{slug}/invitations", Ct)).ReadAsync<List<InvitationLinkResponse>>();

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [create.StatusCode, list.StatusCode, revoke.StatusCode]);
        Assert.Null(Assert.Single(links).RevokedAt);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithDaysOutOfRange_Is400WithFieldErrorsAndCreatesNothing(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var host = await app.CreateTokenClientAsync(await app.CreatePersonAsync());
        var slug = await host.CreateCommunityAsync("byInvitation");

        var response = await host.PostJsonAsync($"/api/v1/communities/{slug}/invitations", new { expiresInDays = 31, maxUses = 0 });
        var links = await (await host.GetAsync($"/api/v1/communities/{slug}/invitations", Ct)).ReadAsync<List<InvitationLinkResponse>>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("expiresInDays") && errors.ContainsKey("maxUses"), errors.ToJsonString());
        Assert.Empty(links);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Accept_UnknownSecret_Is404(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var guest = await app.CreateTokenClientAsync(await app.CreatePersonAsync());

        var response = await guest.PostJsonAsync($"/api/v1/invitations/{Core.Communities.InvitationSecret.Generate()}/accept", new { });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
