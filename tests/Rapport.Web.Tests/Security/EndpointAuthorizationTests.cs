using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Security;

/// <summary>
/// Deny by default, checked: every endpoint either names its authorization or is explicitly anonymous,
/// and the anonymous ones are exactly the ones listed here (adding one is a conscious decision).
/// </summary>
public sealed class EndpointAuthorizationTests(Apps apps)
{
    private static readonly HashSet<string> AnonymousRoutes = new(StringComparer.Ordinal)
    {
        "/",
        "/healthz",
        "/openapi/{documentName}.json",
        "/developers/api",
        "/not-found",
        "/Error",
    };

    // Endpoints the framework adds (Blazor's redirect helper, the static-asset fallback). They carry no metadata
    // of ours; the fallback policy still requires a signed-in person for them.
    private static readonly HashSet<string> FrameworkRoutes = new(StringComparer.Ordinal)
    {
        "/_framework/opaque-redirect",
        "{**path:file}",
    };

    // Account pages a signed-out person must reach (sign-in, registration, recovery).
    private const string AccountPrefix = "/Account/";

    [Fact]
    public async Task EveryEndpoint_DeclaresAuthorizationOrAnonymous()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var endpoints = Endpoints(app);

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText!)
            .Where(route => !FrameworkRoutes.Contains(route))
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task AnonymousEndpoints_AreOnlyTheListedOnes()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);

        var anonymous = Endpoints(app)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !IsStaticAsset(route) && !route.StartsWith(AccountPrefix, StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.All(anonymous, route => Assert.Contains(route, AnonymousRoutes));
    }

    [Fact]
    public async Task ApiEndpoints_AllRequireTheApiPolicy()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);

        var api = Endpoints(app).Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)).ToList();

        Assert.All(api, e =>
        {
            Assert.Null(e.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == Rapport.Web.Api.ApiGroups.Policy);
        });
    }

    private static List<RouteEndpoint> Endpoints(RapportApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    // MapStaticAssets serves the fingerprinted files under wwwroot (css, favicon, framework js), and the vendored
    // libraries under wwwroot/lib, whose LICENSE and VERSION files have no extension.
    private static bool IsStaticAsset(string route) =>
        route.Contains('.', StringComparison.Ordinal) && !route.Contains('{', StringComparison.Ordinal)
        || route.StartsWith("/lib/", StringComparison.Ordinal) && !route.Contains('{', StringComparison.Ordinal)
        || route.StartsWith("/_framework/", StringComparison.Ordinal)
        || route.StartsWith("/_content/", StringComparison.Ordinal);
}
