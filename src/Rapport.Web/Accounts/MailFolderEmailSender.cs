using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;

namespace Rapport.Web.Accounts;

/// <summary>
/// Delivers account mail as files in <c>{data directory}/mail/</c>, newest last, so a person running
/// Rapport locally (and a test) can open the message and follow its link.
/// </summary>
internal sealed class MailFolderEmailSender(DatabaseSettings settings, TimeProvider clock, ILogger<MailFolderEmailSender> logger)
    : IEmailSender<Account>
{
    public Task SendConfirmationLinkAsync(Account user, string email, string confirmationLink) =>
        WriteAsync(email, "Confirm your Rapport account",
            $"Welcome to Rapport.\n\nConfirm your email address by opening this link:\n{confirmationLink}\n");

    public Task SendPasswordResetLinkAsync(Account user, string email, string resetLink) =>
        WriteAsync(email, "Reset your Rapport password",
            $"Someone asked to reset the password of this Rapport account. If it was you, open this link:\n{resetLink}\n\nIf not, ignore this message.\n");

    public Task SendPasswordResetCodeAsync(Account user, string email, string resetCode) =>
        WriteAsync(email, "Your Rapport password reset code", $"Your reset code is: {resetCode}\n");

    private async Task WriteAsync(string to, string subject, string body)
    {
        var folder = Path.Combine(settings.DataDirectory, "mail");
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var name = $"{now.ToString("yyyyMMdd-HHmmss-fffffff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml";
        var message = $"To: {to}\nSubject: {subject}\nDate: {now:R}\nContent-Type: text/plain; charset=utf-8\n\n{body}";
        await File.WriteAllTextAsync(Path.Combine(folder, name), message);
        logger.LogInformation("Mail '{Subject}' written to {Folder}", subject, folder);
    }
}
