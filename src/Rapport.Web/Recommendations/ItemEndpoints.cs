using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Recommendations;
using Rapport.Web.Accounts;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Recommendations;

/// <summary>Items: add (or find by URL), search, read one with the people you trust who recommended it, and its visible recommendations.</summary>
internal static class ItemEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", Search).WithName("SearchItems")
            .WithSummary("Items whose title contains q, with a topic and kind when given, newest first. limit 1–100, default 20.")
            .Produces<ItemPageResponse>().ProducesValidationProblem()
            .RequireRateLimiting(AccountRateLimits.Search);
        group.MapPost("", Add).WithName("AddItem")
            .WithSummary("Adds an item. 201 for a new one; 200 with the existing item when its URL (canonicalized: tracking parameters, fragment, default port dropped) is already one.")
            .WithDescription("At most 100 new items a day (409 beyond).")
            .Produces<ItemResponse>(StatusCodes.Status201Created).Produces<ItemResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}", Get).WithName("GetItem")
            .WithSummary("An item, the people you trust who recommended it (most trusted first, visible recommendations only), yours, and a predicted rating for you with its confidence.")
            .Produces<ItemDetailsResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("{id:guid}/recommendations", Recommendations).WithName("ListItemRecommendations")
            .WithSummary("The item's current recommendations you may see: public ones, ones shared with your communities, and yours. Most recently changed first.")
            .Produces<RecommendationPageResponse>().ProducesValidationProblem();
    }

    public static async Task<IResult> Search(
        string? q, string? topic, string? kind, int? limit, int? offset, SearchItems useCase, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var parsed = RecommendationsApi.ParseQuery<ItemKind>(kind, "kind", errors);
        if (!errors.IsEmpty)
        {
            return RecommendationsApi.Invalid(errors);
        }

        var outcome = await useCase.ExecuteAsync(new ItemSearch(q, topic, parsed), new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(ItemPageResponse.From(page)));
    }

    public static async Task<IResult> Add(AddItemRequest body, Caller caller, AddItem useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, body.ToInput(), cancellationToken);
        return outcome.ToResult(added => added.Created
            ? TypedResults.Created($"/api/v1/items/{added.Item.Id}", ItemResponse.From(added.Item))
            : TypedResults.Ok(ItemResponse.From(added.Item)));
    }

    public static async Task<IResult> Get(Guid id, Caller caller, GetItem useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, topic: null, cancellationToken);
        return outcome.ToResult(d => TypedResults.Ok(ItemDetailsResponse.From(d)));
    }

    public static async Task<IResult> Recommendations(
        Guid id, string? topic, int? limit, int? offset, Caller caller, ListRecommendations useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, new RecommendationFilter(ItemId: id, Topic: topic), new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(RecommendationPageResponse.From(page)));
    }
}
