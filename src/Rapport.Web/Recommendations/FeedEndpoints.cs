using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Recommendations;
using Rapport.Web.Accounts;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Recommendations;

/// <summary>"Recommended by people you trust", from your perspective only.</summary>
internal static class FeedEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", Feed).WithName("GetRecommendedFeed")
            .WithSummary("Items recommended by the people you trust most (on topic when given). view=trusted (default): scored by your trust × their rating, no recommender more than a quarter of a page, offset a multiple of limit; view=chronological: their recommendations newest first.")
            .WithDescription("Each entry names its most trusted recommenders with your trust level in them and a link to why you trust them, and how many others recommended it.")
            .Produces<FeedResponse>().ProducesValidationProblem()
            .RequireRateLimiting(AccountRateLimits.Search);
    }

    public static async Task<IResult> Feed(
        string? topic, string? view, int? limit, int? offset, Caller caller, GetRecommendedFeed useCase, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var order = RecommendationsApi.ParseQuery<FeedOrder>(view, "view", errors);
        if (!errors.IsEmpty)
        {
            return RecommendationsApi.Invalid(errors);
        }

        var outcome = await useCase.ExecuteAsync(caller.Id, topic, order ?? FeedOrder.Trusted, new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(f => TypedResults.Ok(FeedResponse.From(f)));
    }
}
