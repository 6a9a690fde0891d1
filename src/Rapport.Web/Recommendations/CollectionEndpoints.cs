using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Recommendations;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Recommendations;

/// <summary>Collections: yours to make, edit, fill, order and delete; others' to read, follow and fork when you may see them.</summary>
internal static class CollectionEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", List).WithName("ListCollections")
            .WithSummary("Collections you may see, most recently changed first: of=mine (default) or followed, or person=handle for someone's.")
            .Produces<CollectionPageResponse>().ProducesValidationProblem();
        group.MapPost("", Create).WithName("CreateCollection")
            .WithSummary("Makes an empty collection, public or shared with a community you belong to. At most 500 (409 beyond).")
            .Produces<CollectionResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}", Get).WithName("GetCollection")
            .WithSummary("A collection with its entries in order, if you may see it.")
            .Produces<CollectionResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("{id:guid}", Edit).WithName("EditCollection")
            .WithSummary("Changes your collection's title, description and audience.")
            .Produces<CollectionResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("{id:guid}", Delete).WithName("DeleteCollection")
            .WithSummary("Deletes your collection; its forks stay, no longer naming it.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("{id:guid}/entries", AddEntry).WithName("AddCollectionEntry")
            .WithSummary("Adds an item to your collection with a note, at position (0-based; the end when left out). An item is in a collection once (409). At most 500 entries.")
            .Produces<CollectionResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("{id:guid}/entries/{entryId:guid}", ChangeEntry).WithName("MoveCollectionEntry")
            .WithSummary("Moves an entry of your collection to position (0-based) and, when given, changes its note.")
            .Produces<CollectionResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("{id:guid}/entries/{entryId:guid}", RemoveEntry).WithName("RemoveCollectionEntry")
            .WithSummary("Removes an entry from your collection; the others close up.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("{id:guid}/follow", Follow).WithName("FollowCollection")
            .WithSummary("Follows a collection you may see. Following again is 204 too.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("{id:guid}/follow", Unfollow).WithName("UnfollowCollection")
            .WithSummary("Stops following a collection. Not following it is 204 too.")
            .Produces(StatusCodes.Status204NoContent);
        group.MapPost("{id:guid}/forks", Fork).WithName("ForkCollection")
            .WithSummary("Copies a collection you may see into a new one of yours that remembers its origin; public, or shared with the community you name.")
            .Produces<CollectionResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> List(
        string? of, string? person, int? limit, int? offset, Caller caller, ListCollections useCase, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = RecommendationsApi.ParseQuery<CollectionListing>(of, "of", errors);
        if (listing == CollectionListing.ByPerson || (listing is not null && person is not null))
        {
            errors.Add("of", "Give either of=mine or of=followed, or person=handle.");
        }

        if (!errors.IsEmpty)
        {
            return RecommendationsApi.Invalid(errors);
        }

        var chosen = person is not null ? CollectionListing.ByPerson : listing ?? CollectionListing.Mine;
        var outcome = await useCase.ExecuteAsync(caller.Id, chosen, person, new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(CollectionPageResponse.From(page)));
    }

    public static async Task<IResult> Create(CollectionRequest body, Caller caller, CreateCollection useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, body.ToInput(), cancellationToken);
        return outcome.ToResult(c => TypedResults.Created($"/api/v1/collections/{c.Id}", CollectionResponse.From(c)));
    }

    public static async Task<IResult> Get(Guid id, Caller caller, GetCollection useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(c => TypedResults.Ok(CollectionResponse.From(c)));
    }

    public static async Task<IResult> Edit(Guid id, CollectionRequest body, Caller caller, EditCollection useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, body.ToInput(), cancellationToken);
        return outcome.ToResult(c => TypedResults.Ok(CollectionResponse.From(c)));
    }

    public static async Task<IResult> Delete(Guid id, Caller caller, DeleteCollection useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    public static async Task<IResult> AddEntry(Guid id, AddEntryRequest body, Caller caller, AddCollectionEntry useCase, CancellationToken cancellationToken)
    {
        if (body.ItemId is not { } itemId)
        {
            return RecommendationsApi.Invalid(new FieldErrors().Add("itemId", "Name the item to add."));
        }

        var outcome = await useCase.ExecuteAsync(caller.Id, id, itemId, body.Note, body.Position, cancellationToken);
        return outcome.ToResult(c => TypedResults.Ok(CollectionResponse.From(c)));
    }

    public static async Task<IResult> ChangeEntry(
        Guid id, Guid entryId, ChangeEntryRequest body, Caller caller, MoveCollectionEntry useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, entryId, body.Position, body.Note, cancellationToken);
        return outcome.ToResult(c => TypedResults.Ok(CollectionResponse.From(c)));
    }

    public static async Task<IResult> RemoveEntry(Guid id, Guid entryId, Caller caller, RemoveCollectionEntry useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, entryId, cancellationToken);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    public static async Task<IResult> Follow(Guid id, Caller caller, FollowCollection useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    public static async Task<IResult> Unfollow(Guid id, Caller caller, UnfollowCollection useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    public static async Task<IResult> Fork(Guid id, ForkRequest? body, Caller caller, ForkCollection useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, body?.Community, cancellationToken);
        return outcome.ToResult(c => TypedResults.Created($"/api/v1/collections/{c.Id}", CollectionResponse.From(c)));
    }
}
