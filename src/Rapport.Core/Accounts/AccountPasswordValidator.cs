using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Accounts;

/// <summary>
/// Adds <see cref="PasswordRules"/> to Identity's length check, wherever a password is set
/// (registration, change, reset). The handle is looked up for existing accounts; registration checks it itself.
/// </summary>
internal sealed class AccountPasswordValidator(RapportDbContext db) : IPasswordValidator<Account>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success; // Identity's own validator reports the missing password.
        }

        if (password.Length > PasswordRules.MaxLength)
        {
            return Failed("PasswordTooLong", $"Passwords can be at most {PasswordRules.MaxLength} characters.");
        }

        if (PasswordRules.IsCommon(password))
        {
            return Failed("PasswordTooCommon", "That password is on a list of common passwords. Choose another one.");
        }

        var handle = await db.People.Where(p => p.AccountId == user.Id).Select(p => p.Handle).FirstOrDefaultAsync();
        if (PasswordRules.ContainsPersonalPart(password, PasswordRules.LocalPart(user.Email)) || PasswordRules.ContainsPersonalPart(password, handle))
        {
            return Failed(PersonalPartCode, PersonalPartMessage);
        }

        return IdentityResult.Success;
    }

    internal const string PersonalPartCode = "PasswordContainsPersonalPart";
    internal const string PersonalPartMessage = "The password must not contain your email name or handle.";

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
