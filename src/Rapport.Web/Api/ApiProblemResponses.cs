using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Rapport.Web.Accounts;
using Rapport.Web.Security;

namespace Rapport.Web.Api;

/// <summary>
/// Documents the problem-details answers every API endpoint can give whatever its handler does, so the
/// OpenAPI document and the reference page list them: 401 (no or bad credentials), 400 (unreadable input,
/// or a cookie-authenticated change without the antiforgery header), 413 and 415 for bodies, 404 for
/// anything addressed by an id, 429 where a rate limit applies. Statuses a handler already documents stay as they are.
/// </summary>
internal static class ApiProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    public static void Add(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var methods = metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        var changes = methods.Any(StateChanges.IsStateChanging);
        var takesBody = metadata.OfType<IAcceptsMetadata>().Any();
        var addressed = endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 };
        var policy = metadata.OfType<EnableRateLimitingAttribute>().LastOrDefault()?.PolicyName;
        var limited = policy == AccountRateLimits.Search || (policy is AccountRateLimits.Writes or AccountRateLimits.TrustStatements && changes);

        Document(metadata, StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
        if (changes || takesBody)
        {
            Document(metadata, StatusCodes.Status400BadRequest, takesBody ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails));
        }

        if (takesBody)
        {
            Document(metadata, StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails));
            Document(metadata, StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails));
        }

        if (addressed)
        {
            Document(metadata, StatusCodes.Status404NotFound, typeof(ProblemDetails));
        }

        if (limited)
        {
            Document(metadata, StatusCodes.Status429TooManyRequests, typeof(ProblemDetails));
        }
    }

    private static void Document(IList<object> metadata, int status, Type type)
    {
        if (!metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == status))
        {
            metadata.Add(new ProducesResponseTypeMetadata(status, type, ProblemJson));
        }
    }
}
