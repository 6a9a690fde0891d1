using Rapport.Core.Communities;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Communities;

/// <summary>Applications are private to the applicant and the community's hosts; anyone else gets the 404 of a missing one.</summary>
internal static class ApplicationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("{slug}/applications", List).WithName("ListApplications")
            .WithSummary("Hosts: the community's applications, pending first, with answers and applicant.")
            .Produces<PageResponse<ApplicationResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("{slug}/applications", Apply).WithName("ApplyToCommunity")
            .WithSummary("Applies to a community that admits by application: one answer per question, in order.")
            .Produces<ApplicationResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("{slug}/applications/{id:guid}", Get).WithName("GetApplication")
            .WithSummary("One application, for its applicant or the community's hosts.")
            .Produces<ApplicationResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("{slug}/applications/{id:guid}/approve", Approve).WithName("ApproveApplication")
            .WithSummary("Hosts approve a pending application; the applicant becomes a member. Optional message.")
            .Produces<ApplicationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{slug}/applications/{id:guid}/decline", Decline).WithName("DeclineApplication")
            .WithSummary("Hosts decline a pending application. Optional message, shown to the applicant.")
            .Produces<ApplicationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("{slug}/applications/{id:guid}", Withdraw).WithName("WithdrawApplication")
            .WithSummary("The applicant withdraws their own pending application.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> List(string slug, int? limit, int? offset, Caller caller, ListApplications useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(PageResponse<ApplicationResponse>.From(page, ApplicationResponse.From)));
    }

    public static async Task<IResult> Apply(string slug, ApplyRequest body, Caller caller, ApplyToCommunity useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, body.Answers, cancellationToken);
        return outcome.ToResult(a => TypedResults.Created($"/api/v1/communities/{a.CommunitySlug}/applications/{a.Id}", ApplicationResponse.From(a)));
    }

    public static async Task<IResult> Get(string slug, Guid id, Caller caller, GetApplication useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, id, cancellationToken);
        return outcome.ToResult(a => TypedResults.Ok(ApplicationResponse.From(a)));
    }

    public static Task<IResult> Approve(string slug, Guid id, DecisionRequest? body, Caller caller, DecideApplication useCase, CancellationToken cancellationToken) =>
        DecideAsync(slug, id, ApplicationDecision.Approve, body, caller, useCase, cancellationToken);

    public static Task<IResult> Decline(string slug, Guid id, DecisionRequest? body, Caller caller, DecideApplication useCase, CancellationToken cancellationToken) =>
        DecideAsync(slug, id, ApplicationDecision.Decline, body, caller, useCase, cancellationToken);

    public static async Task<IResult> Withdraw(string slug, Guid id, Caller caller, WithdrawApplication useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, id, cancellationToken);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> DecideAsync(
        string slug, Guid id, ApplicationDecision decision, DecisionRequest? body, Caller caller, DecideApplication useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, id, decision, body?.Message, cancellationToken);
        return outcome.ToResult(a => TypedResults.Ok(ApplicationResponse.From(a)));
    }
}
