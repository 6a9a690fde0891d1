using System.Security.Claims;

namespace Rapport.Web.Security;

/// <summary>The signed-in account behind a request: Identity's user id claim, which cookie and access-token sign-ins both carry.</summary>
public static class SignedInAccount
{
    /// <summary>The account id, or null for a visitor.</summary>
    public static string? FindAccountId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The account id behind an authorization policy, where a missing claim is a bug, not a visitor.</summary>
    public static string AccountId(this ClaimsPrincipal user) =>
        user.FindAccountId() ?? throw new InvalidOperationException("Signed-in principal without an account id.");
}
