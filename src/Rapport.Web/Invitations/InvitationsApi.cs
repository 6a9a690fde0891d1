using Rapport.Core.Communities;
using Rapport.Core.Invitations;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Invitations;

/// <summary>
/// /api/v1/problems/{problemId}/invitations (the asker: list, "find helpers", invite by hand, withdraw) and
/// /api/v1/invitations/{id} (the invitee: accept, decline, refer) with GET /api/v1/invitations (mine). The community
/// invitation links keep /api/v1/invitations/{secret}/accept; ids here are GUIDs, which a link secret never is. A problem
/// or invitation you may not act on is the same 404 as a missing one. Examples: invitations.http.
/// </summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder endpoints)
    {
        var problems = endpoints.MapApi("problems", "Problem invitations").AddEndpointFilter<RequireProfile>().ProducesProblem(StatusCodes.Status403Forbidden);
        problems.MapGet("{problemId:guid}/invitations", ListForProblem).WithName("ListProblemInvitations")
            .WithSummary("The asker: every invitation to the problem, newest first, with its why and score.")
            .Produces<List<InvitationResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        problems.MapPost("{problemId:guid}/invitations", Invite).WithName("InviteByHand")
            .WithSummary("The asker invites someone by handle. 400 when they cannot be asked (blocked, away, over their budget, not in the problem's community); 409 when already invited.")
            .Produces<InvitationResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        problems.MapPost("{problemId:guid}/invitations/route", Route).WithName("RouteProblem")
            .WithSummary("The asker: find helpers. Invites the best-matching people not invited yet (the community's number, 3 outside any) and answers the new invitations.")
            .Produces<List<InvitationResponse>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        problems.MapPost("{problemId:guid}/invitations/{invitationId:guid}/withdraw", Withdraw).WithName("WithdrawInvitation")
            .WithSummary("The asker takes back a pending or accepted invitation.")
            .Produces<InvitationResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var received = endpoints.MapApi("invitations", "Invitations").AddEndpointFilter<RequireProfile>().ProducesProblem(StatusCodes.Status403Forbidden);
        received.MapGet("", Mine).WithName("ListMyInvitations")
            .WithSummary("Invitations you received, newest first, with why you; pending=true for the open ones.")
            .Produces<InvitationPageResponse>().ProducesValidationProblem();
        received.MapPost("{invitationId:guid}/accept", Accept).WithName("AcceptProblemInvitation")
            .WithSummary("Accept an invitation to help. 409 when you already answered it.")
            .Produces<InvitationResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        received.MapPost("{invitationId:guid}/decline", Decline).WithName("DeclineProblemInvitation")
            .WithSummary("Decline, with an optional note. 409 when you already answered it.")
            .Produces<InvitationResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        received.MapPost("{invitationId:guid}/refer", Refer).WithName("ReferProblemInvitation")
            .WithSummary("Pass the problem to someone you trust; answers their new invitation, which names yours.")
            .Produces<InvitationResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    public static async Task<IResult> ListForProblem(Guid problemId, Caller caller, ListProblemInvitations useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, cancellationToken)).ToResult(list => TypedResults.Ok(InvitationResponse.From(list)));

    public static async Task<IResult> Invite(Guid problemId, InviteRequest body, Caller caller, InviteByHand useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, body.Handle, body.Note, cancellationToken))
        .ToResult(i => TypedResults.Created($"/api/v1/problems/{problemId}/invitations", InvitationResponse.From(i)));

    public static async Task<IResult> Route(Guid problemId, Caller caller, RouteProblem useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, cancellationToken)).ToResult(list => TypedResults.Ok(InvitationResponse.From(list)));

    public static async Task<IResult> Withdraw(Guid problemId, Guid invitationId, Caller caller, WithdrawInvitation useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, problemId, invitationId, cancellationToken)).ToResult(i => TypedResults.Ok(InvitationResponse.From(i)));

    public static async Task<IResult> Mine(bool? pending, int? limit, int? offset, Caller caller, ListMyInvitations useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, pending ?? false, new PageRequest(limit, offset), cancellationToken))
        .ToResult(page => TypedResults.Ok(InvitationPageResponse.From(page)));

    public static async Task<IResult> Accept(Guid invitationId, Caller caller, AcceptInvitation useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, invitationId, cancellationToken)).ToResult(i => TypedResults.Ok(InvitationResponse.From(i)));

    public static async Task<IResult> Decline(Guid invitationId, DeclineRequest? body, Caller caller, DeclineInvitation useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, invitationId, body?.Note, cancellationToken)).ToResult(i => TypedResults.Ok(InvitationResponse.From(i)));

    public static async Task<IResult> Refer(Guid invitationId, ReferRequest body, Caller caller, ReferInvitation useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, invitationId, body.Handle, body.Note, cancellationToken))
        .ToResult(i => TypedResults.Created("/api/v1/invitations", InvitationResponse.From(i)));
}
