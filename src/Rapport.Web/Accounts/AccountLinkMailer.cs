using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Rapport.Core.Accounts;

namespace Rapport.Web.Accounts;

/// <summary>
/// Makes the tokens behind account links, puts them in absolute links to this site and mails them.
/// Links go out raw: plain-text mail must not HTML-encode them.
/// </summary>
internal sealed class AccountLinkMailer(UserManager<Account> users, IEmailSender<Account> mail, NavigationManager navigation)
{
    public async Task SendEmailConfirmationAsync(Account account, string? returnUrl = null)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(account));
        var link = Link("Account/ConfirmEmail", new() { ["userId"] = account.Id, ["code"] = code, ["returnUrl"] = returnUrl });
        await mail.SendConfirmationLinkAsync(account, account.Email!, link);
    }

    public async Task SendEmailChangeAsync(Account account, string newEmail)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(account, newEmail));
        var link = Link("Account/ConfirmEmailChange", new() { ["userId"] = account.Id, ["email"] = newEmail, ["code"] = code });
        await mail.SendConfirmationLinkAsync(account, newEmail, link);
    }

    public async Task SendPasswordResetAsync(Account account)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(account));
        await mail.SendPasswordResetLinkAsync(account, account.Email!, Link("Account/ResetPassword", new() { ["code"] = code }));
    }

    /// <summary>The token inside a link's <c>code</c>, or null when the link was mangled.</summary>
    public static string? Decode(string? code)
    {
        try
        {
            return code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private string Link(string page, Dictionary<string, object?> query) =>
        navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(page).AbsoluteUri, query);
}
