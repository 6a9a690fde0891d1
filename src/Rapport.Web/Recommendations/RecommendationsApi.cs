using System.Text.Json;
using Rapport.Core.Outcomes;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Recommendations;

/// <summary>
/// /api/v1/items, /api/v1/recommendations, /api/v1/collections and /api/v1/feed. Every handler acts as the signed-in
/// person; the use cases hold the rules, and a recommendation or collection you may not see is the same 404 as a
/// missing one. Writes have the per-account write limit, searches the search limit. Examples: recommendations.http.
/// </summary>
public static class RecommendationsApi
{
    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder endpoints)
    {
        ItemEndpoints.Map(Group(endpoints, "items", "Items"));
        RecommendationEndpoints.Map(Group(endpoints, "recommendations", "Recommendations"));
        CollectionEndpoints.Map(Group(endpoints, "collections", "Collections"));
        FeedEndpoints.Map(Group(endpoints, "feed", "Feed"));
        return endpoints;
    }

    private static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints, string prefix, string tag) =>
        endpoints.MapApi(prefix, tag).AddEndpointFilter<RequireProfile>().ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>
    /// A query value naming an enum member in the API's spelling (camelCase, as in JSON bodies); null when left out. An
    /// unknown name adds a field error.
    /// </summary>
    internal static TEnum? ParseQuery<TEnum>(string? raw, string field, FieldErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.CamelCase.ConvertName(value.ToString()), raw.Trim(), StringComparison.Ordinal))
            {
                return value;
            }
        }

        errors.Add(field, $"Choose one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString())))}.");
        return null;
    }

    internal static IResult Invalid(FieldErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary(), title: "Some fields need attention.");
}
