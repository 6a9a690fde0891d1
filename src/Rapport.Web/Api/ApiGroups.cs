using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Rapport.Web.AccessTokens;
using Rapport.Web.Accounts;

namespace Rapport.Web.Api;

public static class ApiGroups
{
    /// <summary>Accepts a personal access token or the browser's sign-in cookie.</summary>
    public const string Policy = "api";

    /// <summary>
    /// A feature's group under <c>/api/v1</c>: signed-in callers (token or cookie), a body size cap,
    /// antiforgery for cookie-authenticated changes, the per-account write limit, an OpenAPI tag and the
    /// problem answers every endpoint can give. Search endpoints add <see cref="AccountRateLimits.Search"/>.
    /// </summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints, string prefix, string tag)
    {
        var group = endpoints.MapGroup($"/api/v1/{prefix}")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(AccountRateLimits.Writes)
            .WithTags(tag)
            .WithMetadata(new RequestSizeLimitAttribute(ApiRegistration.MaxRequestBodyBytes))
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            .DisableAntiforgery();
        ((IEndpointConventionBuilder)group).Finally(ApiProblemResponses.Add);
        return group;
    }

    internal static void AddApiPolicy(Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(AccessTokenDefaults.Scheme, IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser());
}
