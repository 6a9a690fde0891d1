using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Web.Security;

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

    /// <summary>The signed-in account's person; null when nobody is signed in or the account has no profile.</summary>
    public static Task<Guid?> FindPersonIdAsync(HttpContext context, CancellationToken cancellationToken) =>
        context.User.FindAccountId() is { } accountId
            ? context.RequestServices.GetRequiredService<RapportDbContext>().ForAccountAsync(accountId, cancellationToken)
            : Task.FromResult<Guid?>(null);
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
