using System.Globalization;
using Microsoft.Extensions.Options;
using Rapport.Core.Persistence;

namespace Rapport.Web.Accounts;

/// <summary>
/// Delivers account mail as .eml files in <c>{data directory}/mail/</c>, named so they sort oldest first,
/// so a person running Rapport locally (and a test) can open the message and follow its link.
/// </summary>
internal sealed class MailFolderEmailSender(DatabaseSettings settings, IOptions<MailSettings> mail, TimeProvider clock, ILogger<MailFolderEmailSender> logger)
    : AccountMailSender
{
    public string Folder => Path.Combine(settings.DataDirectory, "mail");

    protected override async Task SendAsync(string to, string subject, string body)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var name = $"{now.ToString("yyyyMMdd-HHmmss-fffffff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml";
        var message =
            $"From: {MailSettings.HeaderSafe(mail.Value.From)}\r\nTo: {MailSettings.HeaderSafe(to)}\r\nSubject: {MailSettings.HeaderSafe(subject)}\r\n" +
            $"Date: {now.ToString("R", CultureInfo.InvariantCulture)}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" +
            $"Content-Transfer-Encoding: 8bit\r\n\r\n{body.ReplaceLineEndings("\r\n")}";
        await File.WriteAllTextAsync(Path.Combine(Folder, name), message);
        logger.LogInformation("Mail '{Subject}' written to {Folder}", subject, Folder);
    }
}
