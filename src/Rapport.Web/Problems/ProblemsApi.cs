using Rapport.Core.Communities;
using Rapport.Core.Dialogue;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;
using Rapport.Web.Accounts;
using Rapport.Web.Api;
using Rapport.Web.Recommendations;
using Rapport.Web.Security;

namespace Rapport.Web.Problems;

/// <summary>
/// /api/v1/problems: post, edit, read and list problems, "similar problems already asked", and the dialogue
/// (contributions, replies and quotes, thanks). Every handler acts as the signed-in person; a problem you may not see is
/// the same 404 as a missing one. Writes have the per-account write limit, the similar search the search limit.
/// Examples: problems.http.
/// </summary>
public static class ProblemsApi
{
    public static IEndpointRouteBuilder MapProblemsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApi("problems", "Problems").AddEndpointFilter<RequireProfile>().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListProblems")
            .WithSummary("Problems you may see, newest first: listing visible (default) or mine; optional topic, community (slug) and status. limit 1–100, default 20.")
            .Produces<ProblemPageResponse>().ProducesValidationProblem();
        group.MapPost("", Post).WithName("PostProblem")
            .WithSummary("Posts a problem; it starts open.")
            .WithDescription("At most 20 problems a day (409 beyond).")
            .Produces<ProblemSummaryResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("similar", Similar).WithName("FindSimilarProblems")
            .WithSummary("Problems you may see that share words with q (title matches count double), best first. limit 1–20, default 5.")
            .Produces<IReadOnlyList<SimilarProblemResponse>>().ProducesValidationProblem()
            .RequireRateLimiting(AccountRateLimits.Search);
        group.MapGet("{problemId:guid}", Get).WithName("GetProblem")
            .WithSummary("A problem with its dialogue in thread order and its named perspectives.")
            .Produces<ProblemResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("{problemId:guid}", Edit).WithName("EditProblem")
            .WithSummary("Edits your problem's kind, title, body, topics, place, community and visibility. Someone else's is 404.")
            .Produces<ProblemSummaryResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("{problemId:guid}/contributions", Contributions).WithName("ListContributions")
            .WithSummary("The problem's dialogue: contributions in thread order (each reply after what it answers) and the named perspectives.")
            .Produces<DialogueResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("{problemId:guid}/contributions", Contribute).WithName("Contribute")
            .WithSummary("Adds a reply, proposal, artefact or perspective, maybe replying to and quoting another contribution.")
            .WithDescription("The first contribution by someone other than the asker moves the problem from open to in dialogue. A resolved or closed problem takes none (409).")
            .Produces<ContributionResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{problemId:guid}/contributions/{contributionId:guid}/thanks", Thank).WithName("ThankContribution")
            .WithSummary("Thanks a contribution, once; not your own (409).")
            .Produces<ThanksResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    public static async Task<IResult> List(
        string? listing, string? topic, string? community, string? status, int? limit, int? offset, Caller caller, ListProblems useCase,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var parsedListing = RecommendationsApi.ParseQuery<ProblemListing>(listing, "listing", errors) ?? ProblemListing.Visible;
        var parsedStatus = RecommendationsApi.ParseQuery<ProblemStatus>(status, "status", errors);
        if (!errors.IsEmpty)
        {
            return RecommendationsApi.Invalid(errors);
        }

        var outcome = await useCase.ExecuteAsync(
            caller.Id, parsedListing, new ProblemFilter(topic, community, parsedStatus), new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(ProblemPageResponse.From(page)));
    }

    public static async Task<IResult> Post(ProblemRequest body, Caller caller, PostProblem useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, body.ToInput(), cancellationToken);
        return outcome.ToResult(p => TypedResults.Created($"/api/v1/problems/{p.Id}", ProblemSummaryResponse.From(p)));
    }

    public static async Task<IResult> Similar(string? q, int? limit, Caller caller, FindSimilarProblems useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, q, limit, cancellationToken);
        return outcome.ToResult(found => TypedResults.Ok(found.Select(SimilarProblemResponse.From).ToList()));
    }

    public static async Task<IResult> Get(Guid problemId, Caller caller, GetProblem useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, problemId, cancellationToken);
        return outcome.ToResult(p => TypedResults.Ok(ProblemResponse.From(p)));
    }

    public static async Task<IResult> Edit(Guid problemId, ProblemRequest body, Caller caller, EditProblem useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, problemId, body.ToInput(), cancellationToken);
        return outcome.ToResult(p => TypedResults.Ok(ProblemSummaryResponse.From(p)));
    }

    public static async Task<IResult> Contributions(Guid problemId, Caller caller, GetProblem useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, problemId, cancellationToken);
        return outcome.ToResult(p => TypedResults.Ok(DialogueResponse.From(p)));
    }

    public static async Task<IResult> Contribute(
        Guid problemId, ContributionRequest body, Caller caller, Contribute useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, problemId, body.ToInput(), cancellationToken);
        return outcome.ToResult(c => TypedResults.Created($"/api/v1/problems/{problemId}/contributions#{c.Id}", ContributionResponse.From(c)));
    }

    public static async Task<IResult> Thank(
        Guid problemId, Guid contributionId, Caller caller, ThankContribution useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, problemId, contributionId, cancellationToken);
        return outcome.ToResult(t => TypedResults.Ok(ThanksResponse.From(t)));
    }
}
