using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Rapport.Web.Accounts;

/// <summary>Delivers account mail through the SMTP server in <c>Rapport:Mail:Smtp</c>.</summary>
internal sealed class SmtpEmailSender(IOptions<MailSettings> options, ILogger<SmtpEmailSender> logger) : AccountMailSender
{
    protected override async Task SendAsync(string to, string subject, string body)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var message = new MailMessage(new MailAddress(settings.From), new MailAddress(to))
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = body,
            BodyEncoding = Encoding.UTF8,
            // Base64 keeps long links whole on the wire (quoted-printable would wrap them); every client decodes it.
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Credentials = string.IsNullOrEmpty(smtp.User) ? null : new NetworkCredential(smtp.User, smtp.Password),
        };
        await client.SendMailAsync(message);
        logger.LogInformation("Mail '{Subject}' sent through {Host}", subject, smtp.Host);
    }
}
