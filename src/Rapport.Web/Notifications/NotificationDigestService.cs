using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Core.Accounts;
using Rapport.Core.Notifications;
using Rapport.Web.Accounts;

namespace Rapport.Web.Notifications;

/// <summary>
/// <c>Rapport:Notifications</c>: how often the digest looks for people due one (each person still gets at most one a day,
/// <see cref="NotificationDigest.Interval"/>), whether it runs at all, and the site's address for the inbox link.
/// </summary>
public sealed class NotificationDigestSettings
{
    public bool DigestEnabled { get; set; } = true;

    public TimeSpan DigestPollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>"https://rapport.example", for the inbox link in the digest; without it see <see cref="SiteAddress"/>.</summary>
    public string? SiteUrl { get; set; }
}

/// <summary>The digest's mail, through the account mail sender (the mail folder in development, SMTP in production).</summary>
internal sealed class DigestMail(IEmailSender<Account> sender, SiteAddress site) : INotificationMail
{
    /// <summary>The inbox page, relative to the site's address.</summary>
    public const string InboxPath = "inbox";

    public Task SendDigestAsync(string email, string displayName, IReadOnlyList<NotificationView> notices, CancellationToken cancellationToken)
    {
        var body = new StringBuilder($"Hello {displayName},\n\nWhile you were away on Rapport:\n\n");
        foreach (var notice in notices)
        {
            body.Append("- ").Append(notice.Text.ReplaceLineEndings(" ")).Append('\n');
        }

        body.Append(site.Resolve() is { } address
            ? $"\nYour inbox: {new Uri(address, InboxPath)}\n"
            : "\nOpen Rapport and go to your inbox to answer them.\n");
        body.Append("\nTo stop these emails, turn the daily digest off in your inbox.\n");
        return sender is AccountMailSender mail
            ? mail.SendTextAsync(email, $"Rapport: {notices.Count} new notice{(notices.Count == 1 ? "" : "s")}", body.ToString())
            : throw new InvalidOperationException("The notification digest needs Rapport's account mail sender.");
    }
}

/// <summary>Runs <see cref="SendNotificationDigests"/> every <see cref="NotificationDigestSettings.DigestPollInterval"/>, on the injected clock.</summary>
internal sealed partial class NotificationDigestService(
    IServiceScopeFactory scopes, IOptions<NotificationDigestSettings> settings, TimeProvider clock, ILogger<NotificationDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<SendNotificationDigests>().ExecuteAsync(stoppingToken);
                if (sent > 0)
                {
                    LogSent(logger, sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            await Task.Delay(settings.Value.DigestPollInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} notification digests.")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending notification digests failed; the next run tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

public static class NotificationDigestRegistration
{
    /// <summary>The digest's mail and, unless <c>Rapport:Notifications:DigestEnabled</c> is false, its background service.</summary>
    public static IServiceCollection AddNotificationDigest(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Rapport:Notifications");
        services.Configure<NotificationDigestSettings>(section);
        services.AddSingleton<SiteAddress>();
        services.AddSingleton<INotificationMail, DigestMail>();
        if (section.GetValue("DigestEnabled", true))
        {
            services.AddHostedService<NotificationDigestService>();
        }

        return services;
    }
}
