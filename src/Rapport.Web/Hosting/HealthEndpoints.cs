using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Web.Hosting;

public static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: 200 when the database answers, 503 otherwise. For load balancers; anonymous.</summary>
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async Task<IResult> (RapportDbContext db, CancellationToken cancellationToken) =>
                await db.Database.CanConnectAsync(cancellationToken)
                    ? TypedResults.Text("ok")
                    : TypedResults.Problem("The database is unreachable.", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous()
            .ExcludeFromDescription();
}
