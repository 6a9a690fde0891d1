using Rapport.Core.Communities;
using Rapport.Core.Recommendations;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Recommendations;

/// <summary>Your recommendations: recommend, change, revoke, list, read one and its history. Anyone else's you may not see is the 404 of a missing one.</summary>
internal static class RecommendationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", Mine).WithName("ListMyRecommendations")
            .WithSummary("Your recommendations, most recently changed first; topic filters, includeRevoked adds revoked ones.")
            .Produces<RecommendationPageResponse>().ProducesValidationProblem();
        group.MapPost("", Recommend).WithName("Recommend")
            .WithSummary("Recommends an item: a rating 1–5, or none to endorse. 201 for a new recommendation; 200 when it changes (or repeats) yours for that item.")
            .WithDescription("One recommendation per item; history is kept. At most 200 changes a day (409 beyond). An unknown item is 404.")
            .Produces<RecommendationResponse>(StatusCodes.Status201Created).Produces<RecommendationResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}", Get).WithName("GetRecommendation")
            .WithSummary("One recommendation, if you may see it: yours, public, or shared with a community you are in.")
            .Produces<RecommendationResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("{id:guid}", Change).WithName("ChangeRecommendation")
            .WithSummary("Changes your recommendation's rating, note, topic and audience; changing a revoked one makes it current again.")
            .Produces<RecommendationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("{id:guid}", Revoke).WithName("RevokeRecommendation")
            .WithSummary("Revokes your recommendation: it stops counting and only you still see it, with its history. Revoking again is 204 too.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("{id:guid}/history", History).WithName("GetRecommendationHistory")
            .WithSummary("Your recommendation with every version it went through, oldest first. Only its author sees a history.")
            .Produces<RecommendationHistoryResponse>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> Mine(
        string? topic, bool? includeRevoked, int? limit, int? offset, Caller caller, ListRecommendations useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(
            caller.Id, new RecommendationFilter(Mine: true, IncludeRevoked: includeRevoked ?? false, Topic: topic), new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(RecommendationPageResponse.From(page)));
    }

    public static async Task<IResult> Recommend(RecommendRequest body, Caller caller, Recommend useCase, CancellationToken cancellationToken)
    {
        if (body.ItemId is not { } itemId)
        {
            return RecommendationsApi.Invalid(new Core.Outcomes.FieldErrors().Add("itemId", "Name the item you recommend."));
        }

        var outcome = await useCase.ExecuteAsync(caller.Id, itemId, body.ToInput(), cancellationToken);
        return outcome.ToResult(r => r.Created
            ? TypedResults.Created($"/api/v1/recommendations/{r.Recommendation.Id}", RecommendationResponse.From(r.Recommendation))
            : TypedResults.Ok(RecommendationResponse.From(r.Recommendation)));
    }

    public static async Task<IResult> Get(Guid id, Caller caller, GetRecommendation useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(r => TypedResults.Ok(RecommendationResponse.From(r)));
    }

    public static async Task<IResult> Change(Guid id, ChangeRecommendationRequest body, Caller caller, ChangeRecommendation useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, body.ToInput(), cancellationToken);
        return outcome.ToResult(r => TypedResults.Ok(RecommendationResponse.From(r)));
    }

    public static async Task<IResult> Revoke(Guid id, Caller caller, RevokeRecommendation useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    public static async Task<IResult> History(Guid id, Caller caller, GetRecommendationHistory useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(h => TypedResults.Ok(RecommendationHistoryResponse.From(h)));
    }
}
