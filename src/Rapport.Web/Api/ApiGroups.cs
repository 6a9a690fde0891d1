using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Rapport.Web.AccessTokens;

namespace Rapport.Web.Api;

public static class ApiGroups
{
    /// <summary>Accepts a personal access token or the browser's sign-in cookie.</summary>
    public const string Policy = "api";

    /// <summary>
    /// A feature's group under <c>/api/v1</c>: signed-in callers (token or cookie), a body size cap,
    /// antiforgery for cookie-authenticated changes, and an OpenAPI tag.
    /// </summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints, string prefix, string tag) =>
        endpoints.MapGroup($"/api/v1/{prefix}")
            .RequireAuthorization(Policy)
            .WithTags(tag)
            .WithMetadata(new RequestSizeLimitAttribute(ApiRegistration.MaxRequestBodyBytes))
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            .DisableAntiforgery();

    internal static void AddApiPolicy(Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(AccessTokenDefaults.Scheme, IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser());
}
