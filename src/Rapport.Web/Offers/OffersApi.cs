using System.ComponentModel.DataAnnotations;
using Rapport.Core.Offers;
using Rapport.Core.Problems;
using Rapport.Web.Api;
using Rapport.Web.Invitations;
using Rapport.Web.Security;
using Rapport.Web.Trust;

namespace Rapport.Web.Offers;

/// <summary>An offer. <c>descriptionHtml</c> is the Markdown rendered and sanitized; <c>canAskAgain</c>: you may ask its provider again in one tap.</summary>
public sealed record OfferResponse(
    Guid Id, TrustPersonResponse Person, string Title, string Description, string DescriptionHtml, string ForWhom, string Place,
    IReadOnlyList<string> Topics, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt, bool CanAskAgain)
{
    internal static OfferResponse From(OfferView o) => new(
        o.Id, TrustPersonResponse.From(o.Person), o.Title, o.Description, o.DescriptionHtml, o.ForWhom, o.Place, o.Topics, o.IsActive,
        o.CreatedAt, o.ChangedAt, o.CanAskAgain);
}

/// <summary>An offer's fields (all replaced on PUT). <c>isActive</c> defaults to true.</summary>
public sealed record OfferRequest(
    [property: Required, MaxLength(Offer.TitleMaxLength)] string? Title,
    [property: MaxLength(Offer.DescriptionMaxLength)] string? Description,
    [property: MaxLength(Offer.ForWhomMaxLength)] string? ForWhom,
    [property: MaxLength(Offer.PlaceMaxLength)] string? Place,
    [property: MaxLength(Offer.MaxTopics)] IReadOnlyList<string>? Topics,
    bool? IsActive)
{
    internal OfferInput ToInput() => new(Title, Description, ForWhom, Place, Topics, IsActive);
}

/// <summary>"Ask again": optional text for the request (its body).</summary>
public sealed record AskAgainRequest([property: MaxLength(Problem.BodyMaxLength)] string? Text);

/// <summary>What "ask again" made: the request problem and the invitation to the provider.</summary>
public sealed record AskedAgainResponse(Guid ProblemId, InvitationResponse Invitation);

/// <summary>
/// /api/v1/offers: your offers (or a person's, <c>?person=handle</c>), create, read, replace, delete, and
/// <c>POST /{offerId}/ask-again</c> for someone who already worked with the provider. Examples: offers.http.
/// </summary>
public static class OffersApi
{
    public static IEndpointRouteBuilder MapOffersApi(this IEndpointRouteBuilder endpoints)
    {
        var offers = endpoints.MapApi("offers", "Offers").AddEndpointFilter<RequireProfile>().ProducesProblem(StatusCodes.Status403Forbidden);
        offers.MapGet("", List).WithName("ListOffers").WithSummary("Your offers, or a person's active ones (?person=handle), newest first.")
            .Produces<List<OfferResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        offers.MapPost("", Create).WithName("CreateOffer").WithSummary("Publish an offer.")
            .Produces<OfferResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        offers.MapGet("{offerId:guid}", Get).WithName("GetOffer").WithSummary("One offer.").Produces<OfferResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        offers.MapPut("{offerId:guid}", Edit).WithName("EditOffer").WithSummary("Replace your offer's fields.")
            .Produces<OfferResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        offers.MapDelete("{offerId:guid}", Delete).WithName("DeleteOffer").WithSummary("Delete your offer.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        offers.MapPost("{offerId:guid}/ask-again", AskAgain).WithName("AskAgain")
            .WithSummary("One tap: an invited-only request to the offer's provider, for someone who already worked with them. 409 without a relationship.")
            .Produces<AskedAgainResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    public static async Task<IResult> List(string? person, Caller caller, ListOffers useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, person, cancellationToken)).ToResult(list => TypedResults.Ok(list.Select(OfferResponse.From).ToList()));

    public static async Task<IResult> Create(OfferRequest body, Caller caller, CreateOffer useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, body.ToInput(), cancellationToken)).ToResult(o => TypedResults.Created($"/api/v1/offers/{o.Id}", OfferResponse.From(o)));

    public static async Task<IResult> Get(Guid offerId, Caller caller, GetOffer useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, offerId, cancellationToken)).ToResult(o => TypedResults.Ok(OfferResponse.From(o)));

    public static async Task<IResult> Edit(Guid offerId, OfferRequest body, Caller caller, EditOffer useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, offerId, body.ToInput(), cancellationToken)).ToResult(o => TypedResults.Ok(OfferResponse.From(o)));

    public static async Task<IResult> Delete(Guid offerId, Caller caller, DeleteOffer useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, offerId, cancellationToken)).ToResult(_ => TypedResults.NoContent());

    public static async Task<IResult> AskAgain(Guid offerId, AskAgainRequest? body, Caller caller, AskAgain useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, offerId, body?.Text, cancellationToken))
        .ToResult(a => TypedResults.Created($"/api/v1/problems/{a.ProblemId}", new AskedAgainResponse(a.ProblemId, InvitationResponse.From(a.Invitation))));
}
