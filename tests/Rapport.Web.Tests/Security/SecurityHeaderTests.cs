using System.Net;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Security;

public sealed class SecurityHeaderTests(Apps apps)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/healthz")]
    [InlineData("/api/v1/people")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task SignedInPages_AreNotCached()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var person = await app.CreatePersonAsync();
        var client = await app.CreateSignedInClientAsync(person);

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Signed-in pages must send Cache-Control: no-store");
    }

    [Fact]
    public async Task Hsts_IsSentOutsideDevelopment()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        client.BaseAddress = new Uri("https://rapport.example"); // HSTS is never sent to localhost

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS outside Development");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Api_WithoutCredentials_Answers401ProblemDetails(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/people", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
