using Rapport.Core.Trust;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Trust;

/// <summary>
/// <c>GET /api/v1/trust/neighbourhood?around={handle}&amp;topic=</c>: the statements a person makes that the caller may
/// see, and those among the people they bring in; what the web-of-trust picture fetches when a person in it is clicked.
/// Its own group for now: it joins the trust API group (<c>MapApi("trust", "Trust")</c>) when the pages are folded in.
/// </summary>
public static class TrustNeighbourhoodEndpoint
{
    public static IEndpointRouteBuilder MapTrustNeighbourhood(this IEndpointRouteBuilder endpoints)
    {
        var trust = endpoints.MapApi("trust", "Trust").AddEndpointFilter<RequireProfile>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        trust.MapGet("/neighbourhood", GetAsync).WithName("GetTrustNeighbourhood")
            .WithSummary("The trust around a person, as you may see it")
            .WithDescription($"The current statements the person (you, without `around`) makes, strongest first (at most {GetTrustNeighbourhood.MaxOutgoing}), " +
                "and those among the people they trust: only statements you may see. On a topic, each pair shows its statement on the topic, " +
                "or else its general one (`topic` null).")
            .Produces<TrustNeighbourhoodDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<IResult> GetAsync(string? around, string? topic, Caller caller, GetTrustNeighbourhood useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, around, topic, among: null, cancellationToken))
            .ToResult(neighbourhood => TypedResults.Ok(TrustNeighbourhoodDto.From(neighbourhood)));
}

/// <summary>A piece of the trust graph: people by handle, and the statements among them.</summary>
public sealed record TrustNeighbourhoodDto(string Around, string? Topic, IReadOnlyList<TrustNodeDto> People, IReadOnlyList<TrustEdgeDto> Statements)
{
    internal static TrustNeighbourhoodDto From(TrustNeighbourhood neighbourhood)
    {
        var handles = neighbourhood.People.ToDictionary(p => p.Id, p => p.Handle);
        return new(
            neighbourhood.Around.Handle,
            neighbourhood.Topic,
            [.. neighbourhood.People.Select(p => new TrustNodeDto(p.Handle, p.DisplayName))],
            [.. neighbourhood.Edges.Select(e => new TrustEdgeDto(handles[e.FromId], handles[e.ToId], e.Value, e.Level.Name, e.Topic))]);
    }
}

/// <summary>A person in the picture.</summary>
public sealed record TrustNodeDto(string Handle, string DisplayName);

/// <summary>"From trusts To this much": <c>Level</c> is the named step nearest to <c>Value</c>; <c>Topic</c> null is general trust.</summary>
public sealed record TrustEdgeDto(string From, string To, double Value, string Level, string? Topic);
