namespace Rapport.Core.Notifications;

/// <summary>The outside edge the digest goes through: the host's mail sender (a folder in development, SMTP in production).</summary>
public interface INotificationMail
{
    /// <summary>Sends one digest of <paramref name="notices"/> (newest first) to <paramref name="email"/>.</summary>
    Task SendDigestAsync(string email, string displayName, IReadOnlyList<NotificationView> notices, CancellationToken cancellationToken);
}
