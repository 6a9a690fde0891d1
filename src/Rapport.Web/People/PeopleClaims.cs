using System.Security.Claims;

namespace Rapport.Web.People;

internal static class PeopleClaims
{
    /// <summary>
    /// The signed-in account's id (Identity's user id claim, which cookie and access-token sign-ins both carry).
    /// Only called behind an authorization policy, so a missing claim is a bug, not a visitor.
    /// </summary>
    public static string AccountId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in principal without an account id.");
}
