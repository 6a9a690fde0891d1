namespace Rapport.Core.Notifications;

/// <summary>One notice as its person sees it.</summary>
public sealed record NotificationView(Guid Id, NotificationKind Kind, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsUnread => ReadAt is null;
}

/// <summary>A page of the inbox, newest first, with the unread count of the whole inbox.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread, int Limit, int Offset);

/// <summary>Whether the person gets the daily digest, and when the last one went.</summary>
public sealed record DigestSetting(bool IsEnabled, DateTimeOffset? LastSentAt);
