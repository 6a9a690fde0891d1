using System.Net.Mail;

namespace Rapport.Core.Accounts;

/// <summary>The rules for an account's email address.</summary>
public static class AccountEmail
{
    /// <summary>Identity's column width.</summary>
    public const int MaxLength = 256;

    /// <summary>Why <paramref name="email"/> cannot be an account's address, or null when it can.</summary>
    /// <remarks>
    /// Identity's own check only wants one '@'; this also refuses white space and control characters,
    /// so an address can never add a header to the mail sent to it.
    /// </remarks>
    public static string? Problem(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "Email is required.";
        }

        if (email.Length > MaxLength)
        {
            return $"Email can be at most {MaxLength} characters.";
        }

        var plain = !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
        return plain && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.Host.Contains('.', StringComparison.Ordinal)
            ? null
            : "Enter an email address like name@example.org.";
    }
}
