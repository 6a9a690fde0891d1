using Rapport.Core.Trust;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Trust;

/// <summary>
/// <c>GET /api/v1/trust/neighbourhood?around={handle}&amp;topic=</c>: the statements a person makes that the caller may
/// see, and those among the people they bring in; what the web-of-trust picture fetches when a person in it is clicked.
/// </summary>
internal static class TrustNeighbourhoodEndpoint
{
    internal static void Map(RouteGroupBuilder trust)
    {
        trust.MapGet("/neighbourhood", GetAsync).WithName("GetTrustNeighbourhood")
            .WithSummary("The trust around a person, as you may see it")
            .WithDescription($"The current statements the person (you, without `around`) makes, strongest first (at most {GetTrustNeighbourhood.MaxOutgoing}), " +
                "and those among the people they trust: only statements you may see. On a topic, each pair shows its statement on the topic, " +
                "or else its general one (`topic` null).")
            .Produces<TrustNeighbourhoodDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<IResult> GetAsync(string? around, string? topic, Caller caller, GetTrustNeighbourhood useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, around, topic, among: null, cancellationToken))
            .ToResult(neighbourhood => TypedResults.Ok(TrustNeighbourhoodDto.From(neighbourhood)));
}
