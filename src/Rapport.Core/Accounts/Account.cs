using Microsoft.AspNetCore.Identity;

namespace Rapport.Core.Accounts;

/// <summary>
/// A sign-in identity (ASP.NET Core Identity user). The public face of an account is its <see cref="People.Person"/>.
/// </summary>
public sealed class Account : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
