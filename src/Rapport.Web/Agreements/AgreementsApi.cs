using Rapport.Core.Agreements;
using Rapport.Web.Api;
using Rapport.Web.Relationships;
using Rapport.Web.Resolutions;
using Rapport.Web.Security;

namespace Rapport.Web.Agreements;

/// <summary>
/// <c>/api/v1/problems/{problemId}/agreements</c>: propose, confirm, deliver, cancel, reflect, list. A problem you may not see is
/// the 404 of a missing one; a step you may not take on one you can see is a 409 saying why. Examples: agreements.http.
/// </summary>
public static class AgreementsApi
{
    /// <summary>The agreement chain's API: agreements, resolutions, ledgers and relationships.</summary>
    public static IEndpointRouteBuilder MapAgreementChainApi(this IEndpointRouteBuilder endpoints)
    {
        Map(Group(endpoints, "problems", "Agreements"));
        ResolutionsApi.Map(Group(endpoints, "problems", "Resolutions"));
        RelationshipsApi.Map(Group(endpoints, "people", "Relationships"));
        return endpoints;
    }

    private static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints, string prefix, string tag) =>
        endpoints.MapApi(prefix, tag).AddEndpointFilter<RequireProfile>().ProducesProblem(StatusCodes.Status403Forbidden);

    private static void Map(RouteGroupBuilder group)
    {
        group.MapGet("{problemId:guid}/agreements", List).WithName("ListAgreements")
            .WithSummary("A problem's agreements, oldest first (cancelled ones too), with the steps open to you.")
            .Produces<IReadOnlyList<AgreementResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("{problemId:guid}/agreements", Propose).WithName("ProposeAgreement")
            .WithSummary("Proposes an agreement: the asker names a helper who took part; a helper proposes with themselves. The other side confirms.")
            .WithDescription("One active agreement per helper and problem (409 when agreeing twice). An ended problem is 409.")
            .Produces<AgreementResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{problemId:guid}/agreements/{agreementId:guid}/confirm", Confirm).WithName("ConfirmAgreement")
            .WithSummary("The other side confirms a proposed agreement; the problem becomes agreed. Confirming your own proposal is 409.")
            .Produces<AgreementResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{problemId:guid}/agreements/{agreementId:guid}/deliver", Deliver).WithName("DeliverAgreement")
            .WithSummary("The helper marks a confirmed agreement delivered; the problem is delivered once no confirmed agreement is waiting.")
            .Produces<AgreementResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{problemId:guid}/agreements/{agreementId:guid}/cancel", Cancel).WithName("CancelAgreement")
            .WithSummary("Either side cancels an agreement before delivery.")
            .Produces<AgreementResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("{problemId:guid}/agreements/{agreementId:guid}/reflections", Reflect).WithName("ReflectOnAgreement")
            .WithSummary("Each side writes one reflection on a delivered agreement; the asker's answer offers to state trust in the helper.")
            .Produces<ReflectedResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> List(Guid problemId, Caller caller, ListAgreements useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, cancellationToken))
            .ToResult(list => TypedResults.Ok(list.Select(AgreementResponse.From).ToList()));

    public static async Task<IResult> Propose(Guid problemId, ProposeAgreementRequest body, Caller caller, ProposeAgreement useCase, CancellationToken cancellationToken) =>
        body.DueOnError is { } dueOn
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dueOn"] = [dueOn] }, title: "Some fields need attention.")
            : (await useCase.ExecuteAsync(caller.Id, problemId, body.ToProposal(), cancellationToken))
                .ToResult(a => TypedResults.Created($"/api/v1/problems/{problemId}/agreements", AgreementResponse.From(a)));

    public static async Task<IResult> Confirm(Guid problemId, Guid agreementId, Caller caller, ConfirmAgreement useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, agreementId, cancellationToken)).ToResult(a => TypedResults.Ok(AgreementResponse.From(a)));

    public static async Task<IResult> Deliver(Guid problemId, Guid agreementId, Caller caller, DeliverAgreement useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, agreementId, cancellationToken)).ToResult(a => TypedResults.Ok(AgreementResponse.From(a)));

    public static async Task<IResult> Cancel(Guid problemId, Guid agreementId, Caller caller, CancelAgreement useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, agreementId, cancellationToken)).ToResult(a => TypedResults.Ok(AgreementResponse.From(a)));

    public static async Task<IResult> Reflect(
        Guid problemId, Guid agreementId, ReflectRequest body, Caller caller, ReflectOnAgreement useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, agreementId, body.Text, cancellationToken))
            .ToResult(r => TypedResults.Created($"/api/v1/problems/{problemId}/agreements", ReflectedResponse.From(r)));
}
