using Microsoft.AspNetCore.Identity;
using Rapport.Core.Accounts;

namespace Rapport.Web.Accounts;

/// <summary>
/// The account mail Rapport sends, as plain text with raw, clickable links (never HTML-encoded: an
/// <c>&amp;amp;</c> in a plain-text link breaks it). Subclasses only deliver.
/// </summary>
internal abstract class AccountMailSender : IEmailSender<Account>
{
    public Task SendConfirmationLinkAsync(Account user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your email address for Rapport",
            $"Confirm this email address for your Rapport account by opening this link:\n\n{CheckLink(confirmationLink)}\n\n" +
            "If you did not ask for this, ignore this message.\n");

    public Task SendPasswordResetLinkAsync(Account user, string email, string resetLink) =>
        SendAsync(email, "Reset your Rapport password",
            $"Someone asked to reset the password of this Rapport account. If it was you, open this link within an hour:\n\n{CheckLink(resetLink)}\n\n" +
            "If not, ignore this message: your password stays as it is.\n");

    public Task SendPasswordResetCodeAsync(Account user, string email, string resetCode) =>
        SendAsync(email, "Your Rapport password reset code", $"Your reset code is: {resetCode}\n\nIt works for an hour.\n");

    /// <summary>Other plain-text mail through the same delivery (the notification digest).</summary>
    internal Task SendTextAsync(string to, string subject, string body) => SendAsync(to, subject, body);

    /// <summary>Delivers one plain-text UTF-8 message.</summary>
    protected abstract Task SendAsync(string to, string subject, string body);

    private static string CheckLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !link.Contains("&amp;", StringComparison.Ordinal)
            ? link
            : throw new ArgumentException("Account mail links must be absolute, raw (not HTML-encoded) http(s) URLs.", nameof(link));
}
