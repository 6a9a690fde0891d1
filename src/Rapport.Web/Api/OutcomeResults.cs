using Rapport.Core.Outcomes;

namespace Rapport.Web.Api;

/// <summary>Maps a use case's <see cref="Outcome{T}"/> to an HTTP answer (RFC 9457 problem details on failure).</summary>
public static class OutcomeResults
{
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> onSuccess) => outcome.Kind switch
    {
        OutcomeKind.Ok => onSuccess(outcome.Value!),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors.ToDictionary(), title: "Some fields need attention."),
        OutcomeKind.NotFound => TypedResults.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Conflict => TypedResults.Problem(title: "Conflict", detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.Kind}."),
    };
}
