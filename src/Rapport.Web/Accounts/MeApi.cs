using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Accounts;

/// <summary>Who am I (for scripts checking their token), and "sign out every browser".</summary>
public sealed record MeResponse(string Handle, string DisplayName);

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapApi("me", "Accounts");
        me.MapGet("", GetMe).WithName("GetMe").WithSummary("The caller's handle and display name.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapDelete("sessions", EndMySessions).WithName("EndMySessions")
            .WithSummary("Signs the caller out of every browser. Access tokens stay valid; revoke them on the tokens page.");
        return endpoints;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMe(
        ClaimsPrincipal user, RapportDbContext db, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var me = await db.People.Where(p => p.AccountId == accountId)
            .Select(p => new MeResponse(p.Handle, p.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
        return me is null
            ? TypedResults.Problem(title: "Not found", detail: "This account has no profile.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(me);
    }

    public static async Task<NoContent> EndMySessions(
        ClaimsPrincipal user, EndSessions endSessions, CancellationToken cancellationToken)
    {
        await endSessions.ExecuteAsync(user.AccountId(), keep: null, cancellationToken);
        return TypedResults.NoContent();
    }
}
