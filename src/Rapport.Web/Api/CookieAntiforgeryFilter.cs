using Microsoft.AspNetCore.Antiforgery;
using Rapport.Web.AccessTokens;
using Rapport.Web.Security;

namespace Rapport.Web.Api;

/// <summary>
/// A cookie rides along with any cross-site request; a bearer token does not. So a state-changing
/// API call authenticated by the cookie must also carry the antiforgery header.
/// </summary>
internal sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var safe = !StateChanges.IsStateChanging(http.Request.Method);
        var byToken = http.User.Identity?.AuthenticationType == AccessTokenDefaults.Scheme;
        if (!safe && !byToken && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(
                title: "Missing antiforgery token",
                detail: "Changes made with the sign-in cookie need the RequestVerificationToken header. Scripts should use a personal access token instead.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
