using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Rapport.Web.Api;

namespace Rapport.Web.Accounts;

/// <summary>The 429 answer: problem details for the API, a short readable page for people.</summary>
internal static class TooManyRequests
{
    // Buckets are per address (sign-in, registration) or per account (changes, searches); the words fit both.
    public const string Message = "Too many attempts in a short time. Wait a minute, then try again.";

    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
        <title>Too many attempts · Rapport</title><link rel="stylesheet" href="/app.css"></head>
        <body><main class="narrow stack">
        <h1>Too many attempts</h1>
        <p class="alert" role="alert">MESSAGE</p>
        <p><a href="/">Back to Rapport</a></p>
        </main></body>
        </html>
        """;

    public static async ValueTask WriteAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = AccountRateLimits.RetryAfterSeconds(lease);
        response.Headers.CacheControl = "no-store";
        if (ApiRegistration.IsApiRequest(context))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = Message },
            });
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page.Replace("MESSAGE", Message, StringComparison.Ordinal), cancellationToken);
    }
}
