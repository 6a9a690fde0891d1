using Microsoft.AspNetCore.Identity;
using Rapport.Core.Accounts;

namespace Rapport.Web.Accounts;

/// <summary>
/// <c>Rapport:Mail</c>: the sender address, and an SMTP server. Without <c>Rapport:Mail:Smtp:Host</c>
/// mail is written to the data directory's <c>mail/</c> folder instead (development, tests).
/// </summary>
public sealed class MailSettings
{
    public string From { get; set; } = "Rapport <no-reply@rapport.local>";

    public SmtpSettings Smtp { get; set; } = new();

    internal static string HeaderSafe(string value) => value.ReplaceLineEndings(" ");
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS; turn off only for a server on the same machine.</summary>
    public bool EnableSsl { get; set; } = true;
}

internal static class MailRegistration
{
    public static IServiceCollection AddAccountMail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Rapport:Mail");
        services.Configure<MailSettings>(section);
        if (string.IsNullOrWhiteSpace(section["Smtp:Host"]))
        {
            services.AddSingleton<IEmailSender<Account>, MailFolderEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender<Account>, SmtpEmailSender>();
        }

        return services;
    }
}
