using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Rapport.Web.Api;

/// <summary>
/// Turns the framework's "could not read this request" (bad JSON, wrong type, unknown field, wrong media
/// type, body too large, unparsable query value) into problem details that name the field, as
/// <see cref="OutcomeResults"/> does for the use cases' own validation. Framework messages carry .NET type
/// names, so they are replaced, never echoed.
/// </summary>
internal sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
        {
            return false;
        }

        context.Response.StatusCode = bad.StatusCode;
        if (!ApiRegistration.IsApiRequest(context))
        {
            return true; // a page's endpoint: the status is the whole answer, as before
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = Describe(bad) });
    }

    /// <summary>
    /// Every problem answer carries the request's trace id (to find it in the logs). Answers written without an
    /// exception (routing's own 415, the server's 413) get the same words as the ones <see cref="Describe"/> writes.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is null && problem.Status is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType)
        {
            var described = Describe(new BadHttpRequestException("", problem.Status.Value));
            (problem.Title, problem.Detail) = (described.Title, described.Detail);
        }

        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    internal static ProblemDetails Describe(BadHttpRequestException bad) => bad switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "Request body too large",
            Detail = $"Request bodies are limited to {ApiRegistration.MaxRequestBodyBytes / 1024} KiB.",
        },
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "Unsupported media type",
            Detail = "Send the body as JSON with Content-Type: application/json.",
        },
        { InnerException: JsonException json } => Invalid(FieldName(json.Path), JsonMessage(json)),
        _ when BindFailure().Match(bad.Message) is { Success: true } match =>
            Invalid(match.Groups["name"].Value, "This value has the wrong format."),
        _ when bad.Message.Contains("was not provided", StringComparison.Ordinal)
            || bad.Message.Contains("no body was provided", StringComparison.Ordinal) => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Request body required",
            Detail = "Send a JSON object as the request body.",
        },
        _ => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = "The request could not be read." },
    };

    private static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Some fields need attention.",
        };

    /// <summary><c>$.competences[2].topic</c> becomes <c>competences[2].topic</c>, the key the use cases use; the body itself is <c>$</c>.</summary>
    private static string FieldName(string? path) => path switch
    {
        null or "$" => "$",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ => path.TrimStart('$'),
    };

    private static string JsonMessage(JsonException json)
    {
        var message = json.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "Unknown field: this endpoint does not accept it.";
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "This field appears more than once.";
        }

        return message.Contains("could not be converted", StringComparison.Ordinal)
            ? "This value has the wrong type, or is not one of the allowed values."
            : "This is not valid JSON.";
    }

    [GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>[A-Za-z0-9_]+)" from""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex BindFailure();
}
