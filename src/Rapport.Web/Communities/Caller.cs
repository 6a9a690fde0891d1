using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Web.Security;

namespace Rapport.Web.Communities;

/// <summary>
/// The person acting, resolved from the signed-in account (cookie or access token). Use cases take a
/// Person id; an account without a profile has none and can act on no community.
/// </summary>
public sealed record Caller(Guid? PersonId)
{
    public Guid Id => PersonId ?? throw new InvalidOperationException("The caller has no profile; RequireProfile should have answered.");

    /// <summary>Minimal API binding: every handler that takes a <see cref="Caller"/> gets the resolved person.</summary>
    public static async ValueTask<Caller> BindAsync(HttpContext context) =>
        new(await FindPersonIdAsync(context, context.RequestAborted));

    public static async Task<Guid?> FindPersonIdAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.User.FindAccountId() is not { } accountId)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<RapportDbContext>();
        return await db.People.Where(p => p.AccountId == accountId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>Answers 403 before a handler runs when the signed-in account has no profile to act as.</summary>
internal sealed class RequireProfile : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.Arguments.OfType<Caller>().Any(c => c.PersonId is null)
            ? ValueTask.FromResult<object?>(TypedResults.Problem(
                title: "No profile",
                detail: "This account has no profile yet. Create one before taking part in communities.",
                statusCode: StatusCodes.Status403Forbidden))
            : next(context);
}
