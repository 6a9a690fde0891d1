using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Accounts;
using Rapport.Web.Tests.Accounts;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.AccessTokens;

public sealed class AccessTokenAuthenticationTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Me_WithAValidToken_AnswersTheOwnerAndRecordsTheUse(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync(displayName: "Alice Token");
        var client = await app.CreateTokenClientAsync(alice);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal(new MeResponse(alice.Handle, "Alice Token"), me);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        Assert.NotNull((await db.AccessTokens.SingleAsync(t => t.AccountId == alice.Account.Id, TestContext.Current.CancellationToken)).LastUsedAt);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Me_WithARevokedExpiredOrGarbageToken_Answers401ProblemDetails(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var revoked = await app.CreateTokenClientAsync(alice);
        var expired = await app.CreateTokenClientAsync(alice);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            var tokens = await db.AccessTokens.Where(t => t.AccountId == alice.Account.Id).OrderBy(t => t.CreatedAt).ToListAsync(TestContext.Current.CancellationToken);
            var now = TimeProvider.System.GetUtcNow();
            tokens[0].RevokedAt = now;
            tokens[1].ExpiresAt = now.AddMinutes(-1);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var garbage = app.CreateClient();
        garbage.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "rpt_not-a-real-token");
        var notOurs = app.CreateClient();
        notOurs.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ghp_somebody-elses-token");
        var anonymous = app.CreateClient();

        foreach (var client in new[] { revoked, expired, garbage, notOurs, anonymous })
        {
            var response = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CookieChange_WithoutAntiforgeryHeader_Is400_ButATokenNeedsNone(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var browser = await app.CreateSignedInClientAsync(alice);
        var script = await app.CreateTokenClientAsync(alice);

        var byCookie = await browser.DeleteAsync("/api/v1/me/sessions", TestContext.Current.CancellationToken);
        var stillSignedIn = await AccountClient.IsSignedInAsync(browser);
        var byCookieRead = await browser.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        var byToken = await script.DeleteAsync("/api/v1/me/sessions", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, byCookie.StatusCode);
        Assert.Equal("application/problem+json", byCookie.Content.Headers.ContentType?.MediaType);
        Assert.True(stillSignedIn);
        Assert.Equal(HttpStatusCode.OK, byCookieRead.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byToken.StatusCode);
        Assert.False(await AccountClient.IsSignedInAsync(browser));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Token_DoesNotSignInToPages_SoItCannotMintTokens(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var script = await app.CreateTokenClientAsync(alice);

        var page = await script.GetAsync("/settings/tokens", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("Account/Login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
