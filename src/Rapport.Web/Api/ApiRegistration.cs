using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Rapport.Web.AccessTokens;

namespace Rapport.Web.Api;

public static class ApiRegistration
{
    /// <summary>Largest JSON body the API reads; everything Rapport accepts fits well inside.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddRapportApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ApiReference>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = BadRequestProblems.Customize);

        // Unreadable input throws (instead of a bare 400) so BadRequestProblems can say which field is wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblems>();
        services.Configure<JsonOptions>(ApiJson.Configure);

        // Requests no endpoint takes (wrong method, media type or path) are authorized by the fallback policy, which
        // asks the cookie. Under /api the cookie hands a bearer token over to the token scheme, so a script learns
        // "405/415/404" rather than "401" for a token that is perfectly valid.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
            options.ForwardDefaultSelector = context => IsApiRequest(context) && HasBearerToken(context.Request) ? AccessTokenDefaults.Scheme : null);

        services.AddOpenApi("v1", ApiDocument.Configure);
        return builder;
    }

    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseRapportApi(this WebApplication app)
    {
        app.UseApiRequestBodyLimit();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
