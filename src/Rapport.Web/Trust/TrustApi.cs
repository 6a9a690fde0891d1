using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Trust;

/// <summary>
/// /api/v1/trust (your statements, trust from your perspective) and /api/v1/people/{handle}/trusted-by. Every handler
/// acts as the signed-in person; the use cases hold the rules, and a statement you may not see is the same 404 as a
/// missing one. Statement writes have their own per-account rate limit. Examples: trust.http.
/// </summary>
public static class TrustApi
{
    public static IEndpointRouteBuilder MapTrustApi(this IEndpointRouteBuilder endpoints)
    {
        var trust = endpoints.MapApi("trust", "Trust").AddEndpointFilter<RequireProfile>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        var people = endpoints.MapApi("people", "Trust").AddEndpointFilter<RequireProfile>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        TrustStatementEndpoints.Map(trust);
        TrustQueryEndpoints.Map(trust, people);
        TrustNeighbourhoodEndpoint.Map(trust);
        return endpoints;
    }
}
