using Rapport.Core.Communities;
using Rapport.Core.Trust;
using Rapport.Web.Accounts;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Trust;

/// <summary>Your trust statements: state, change, revoke, list, read one and its history. Anyone else's is the 404 of a missing one.</summary>
internal static class TrustStatementEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("statements", List).WithName("ListMyTrustStatements")
            .WithSummary("Your trust statements, most recently changed first; about filters by handle, topic by topic, includeRevoked adds revoked ones.")
            .Produces<TrustStatementPageResponse>().ProducesValidationProblem();
        group.MapPost("statements", State).WithName("StateTrust")
            .WithSummary("States trust in someone, in general or on a topic. 201 for a new statement; 200 when it changes (or repeats) your statement for that person and topic.")
            .WithDescription("value: -1 (distrust) to 1 (complete trust), not 0 (revoke instead); pages offer -1, 0.25, 0.6 and 1. At most 5,000 current statements and 200 changes a day (409 beyond).")
            .Produces<TrustStatementResponse>(StatusCodes.Status201Created).Produces<TrustStatementResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(AccountRateLimits.TrustStatements);
        group.MapGet("statements/{id:guid}", Get).WithName("GetTrustStatement")
            .WithSummary("One statement, if you may see it: yours, public, or shared with a community you are in.")
            .Produces<TrustStatementResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("statements/{id:guid}", Change).WithName("ChangeTrustStatement")
            .WithSummary("Changes your statement's value, visibility, community and note; changing a revoked one states it again.")
            .Produces<TrustStatementResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(AccountRateLimits.TrustStatements);
        group.MapDelete("statements/{id:guid}", Revoke).WithName("RevokeTrustStatement")
            .WithSummary("Revokes your statement: it stops counting and only you still see it, with its history. Revoking again is 204 too.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(AccountRateLimits.TrustStatements);
        group.MapGet("statements/{id:guid}/history", History).WithName("GetTrustStatementHistory")
            .WithSummary("Your statement with every version it went through, oldest first. Only its author sees a history.")
            .Produces<TrustHistoryResponse>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> List(
        string? about, string? topic, bool? includeRevoked, int? limit, int? offset, Caller caller, ListMyTrustStatements useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, new MyTrustStatementsFilter(about, topic, includeRevoked ?? false), new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(TrustStatementPageResponse.From(page)));
    }

    public static async Task<IResult> State(StateTrustRequest body, Caller caller, StateTrust useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, body.ToInput(), cancellationToken);
        return outcome.ToResult(stated => stated.Created
            ? TypedResults.Created($"/api/v1/trust/statements/{stated.Statement.Id}", TrustStatementResponse.Of(stated.Statement))
            : TypedResults.Ok(TrustStatementResponse.Of(stated.Statement)));
    }

    public static async Task<IResult> Get(Guid id, Caller caller, GetTrustStatement useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(s => TypedResults.Ok(TrustStatementResponse.Of(s)));
    }

    public static async Task<IResult> Change(Guid id, ChangeTrustRequest body, Caller caller, ChangeTrustStatement useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, body.ToChange(), cancellationToken);
        return outcome.ToResult(s => TypedResults.Ok(TrustStatementResponse.Of(s)));
    }

    public static async Task<IResult> Revoke(Guid id, Caller caller, RevokeTrustStatement useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    public static async Task<IResult> History(Guid id, Caller caller, GetTrustStatementHistory useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, id, cancellationToken);
        return outcome.ToResult(h => TypedResults.Ok(TrustHistoryResponse.From(h)));
    }
}
