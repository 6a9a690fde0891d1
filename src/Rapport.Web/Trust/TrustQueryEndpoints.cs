using Rapport.Core.Communities;
using Rapport.Core.Trust;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Trust;

/// <summary>Trust computed from your perspective (never a ranking of everyone), and what others stated about someone that you may see.</summary>
internal static class TrustQueryEndpoints
{
    public static void Map(RouteGroupBuilder trust, RouteGroupBuilder people)
    {
        trust.MapGet("web", Web).WithName("GetWebOfTrust")
            .WithSummary("Whom you can trust most, in general or on a topic, from your perspective: best first, the first few with the path that explains them. limit 1–100, default 20.")
            .Produces<WebOfTrustResponse>().ProducesValidationProblem();
        trust.MapGet("{handle}", TrustIn).WithName("GetTrustIn")
            .WithSummary("Your trust in someone: your own statements about them and the level your perspective gives them on the topic (null when nothing connects you).")
            .Produces<TrustInResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        trust.MapGet("{handle}/why", Why).WithName("ExplainTrust")
            .WithSummary("Why you may trust someone: the strongest paths of trust from you to them, through statements you may see.")
            .Produces<TrustExplanationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        people.MapGet("{handle}/trusted-by", TrustedBy).WithName("ListTrustedBy")
            .WithSummary("Statements about someone that you may see: public ones, ones shared with your communities, and your own. Never anyone else's private one.")
            .Produces<TrustStatementPageResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> Web(string? topic, int? limit, Caller caller, GetWebOfTrust useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, topic, limit, cancellationToken);
        return outcome.ToResult(w => TypedResults.Ok(WebOfTrustResponse.From(w)));
    }

    public static async Task<IResult> TrustIn(string handle, string? topic, Caller caller, GetTrustIn useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, handle, topic, cancellationToken);
        return outcome.ToResult(t => TypedResults.Ok(TrustInResponse.From(t)));
    }

    public static async Task<IResult> Why(string handle, string? topic, Caller caller, ExplainTrust useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, handle, topic, cancellationToken);
        return outcome.ToResult(e => TypedResults.Ok(TrustExplanationResponse.From(e)));
    }

    public static async Task<IResult> TrustedBy(
        string handle, string? topic, int? limit, int? offset, Caller caller, ListTrustStatementsAbout useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, handle, topic, new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(TrustStatementPageResponse.From(page)));
    }
}
