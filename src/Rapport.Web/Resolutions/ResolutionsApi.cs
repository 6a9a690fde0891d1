using Rapport.Core.Problems;
using Rapport.Core.Resolutions;
using Rapport.Web.Agreements;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Resolutions;

/// <summary>
/// <c>/api/v1/problems/{problemId}/resolution</c> and <c>/reopen</c>: the asker (or a host of its community) resolves citing
/// contributions — every cited contributor and the referrers who led to them are credited — or closes with an outcome,
/// and reopens. Hidden problems are 404; someone else's visible problem is 409. Examples: resolutions.http.
/// </summary>
internal static class ResolutionsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("{problemId:guid}/resolution", List).WithName("ListResolutions")
            .WithSummary("A problem's resolutions and closings, newest first (the first is current when it has ended), with their credits.")
            .Produces<ProblemResolutionsResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("{problemId:guid}/resolution", End).WithName("ResolveProblem")
            .WithSummary("Resolves (outcome \"resolved\", citing at least one contribution) or closes (outcome \"closed\", with the outcome text as summary).")
            .WithDescription("Every cited contribution credits its author; referrals that led to a credited contributor credit the referrer.")
            .Produces<ResolutionResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{problemId:guid}/reopen", Reopen).WithName("ReopenProblem")
            .WithSummary("Reopens a resolved or closed problem; earlier resolutions are kept.")
            .Produces<ReopenedResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> List(Guid problemId, Caller caller, ListResolutions useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, cancellationToken)).ToResult(r => TypedResults.Ok(ProblemResolutionsResponse.From(r)));

    public static async Task<IResult> End(
        Guid problemId, ResolveRequest body, Caller caller, ResolveProblem resolve, CloseProblem close, CancellationToken cancellationToken)
    {
        var outcome = body.Outcome switch
        {
            ResolutionOutcome.Closed => await close.ExecuteAsync(caller.Id, problemId, body.Summary, cancellationToken),
            _ => await resolve.ExecuteAsync(caller.Id, problemId, new ResolutionInput(body.Summary, body.ContributionIds), cancellationToken),
        };
        return outcome.ToResult(r => TypedResults.Created($"/api/v1/problems/{problemId}/resolution", ResolutionResponse.From(r)));
    }

    public static async Task<IResult> Reopen(Guid problemId, Caller caller, ReopenProblem useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, cancellationToken)).ToResult(s => TypedResults.Ok(new ReopenedResponse(problemId, s)));
}

/// <summary>Resolve or close: outcome (default resolved), summary, and for resolved the cited contributions.</summary>
public sealed record ResolveRequest(
    ResolutionOutcome? Outcome,
    [property: System.ComponentModel.DataAnnotations.MaxLength(Resolution.SummaryMaxLength)] string? Summary,
    [property: System.ComponentModel.DataAnnotations.MaxLength(Resolution.MaxCredits)] IReadOnlyList<Guid>? ContributionIds);

public sealed record ReopenedResponse(Guid ProblemId, ProblemStatus Status);

public sealed record CreditResponse(Guid Id, ChainPersonResponse Person, CreditKind Kind, Guid? ContributionId, Guid? InvitationId);

public sealed record ResolutionResponse(
    Guid Id, Guid ProblemId, ResolutionOutcome Outcome, string Summary, string SummaryHtml, ChainPersonResponse ResolvedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<CreditResponse> Credits)
{
    public static ResolutionResponse From(ResolutionView r) => new(
        r.Id, r.ProblemId, r.Outcome, r.Summary, r.SummaryHtml, ChainPersonResponse.From(r.ResolvedBy), r.CreatedAt,
        [.. r.Credits.Select(c => new CreditResponse(c.Id, ChainPersonResponse.From(c.Person), c.Kind, c.ContributionId, c.InvitationId))]);
}

public sealed record ProblemResolutionsResponse(Guid ProblemId, ProblemStatus Status, bool YouMayEnd, IReadOnlyList<ResolutionResponse> Resolutions)
{
    public static ProblemResolutionsResponse From(ProblemResolutions r) =>
        new(r.ProblemId, r.Status, r.ViewerMayEnd, [.. r.Resolutions.Select(ResolutionResponse.From)]);
}
