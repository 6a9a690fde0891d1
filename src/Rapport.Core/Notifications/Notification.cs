using Rapport.Core.People;

namespace Rapport.Core.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    InvitationReceived = 0,
    InvitationAnswered = 1,
    ContributionPosted = 2,
    ReplyPosted = 3,
    Thanked = 4,
    AgreementProposed = 5,
    AgreementConfirmed = 6,
    AgreementDelivered = 7,
    AgreementCancelled = 8,
    ReflectionWritten = 9,
    ProblemResolved = 10,
    ProblemClosed = 11,
    ProblemReopened = 12,
    Credited = 13,
    AskedAgain = 14,
}

/// <summary>
/// One notice in a person's in-app inbox, one per event per person: <see cref="EventKey"/> names the event
/// ("contribution:{id}", "agreement:{id}:confirmed") and (person, event key) is unique, so a repeated or racing write
/// cannot notify twice. The daily email digest sends those not yet read nor emailed, then sets <see cref="EmailedAt"/>.
/// Only its person sees it; its text must not reveal more than that person may see.
/// </summary>
public sealed class Notification
{
    public const int EventKeyMaxLength = 200;
    public const int TextMaxLength = 500;
    public const int LinkMaxLength = 400;

    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public NotificationKind Kind { get; set; }

    public string EventKey { get; set; } = "";

    /// <summary>Plain text, one sentence.</summary>
    public string Text { get; set; } = "";

    /// <summary>A root-relative link ("/problems/{id}"); empty for none.</summary>
    public string Link { get; set; } = "";

    /// <summary>
    /// The problem it is about; null for none. Deleting the problem deletes its notifications, and the inbox shows a
    /// problem's notices only while its person may still see it (<see cref="Problems.ProblemAccess"/>).
    /// </summary>
    public Guid? ProblemId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public DateTimeOffset? EmailedAt { get; set; }

    public Person? Person { get; set; }
}

/// <summary>A person's daily digest: whether they want it, and when the last one was sent (one row per person, made on first use).</summary>
public sealed class NotificationDigest
{
    /// <summary>The digest collects what arrived since the last one, at most once per this interval.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public Guid PersonId { get; set; }

    public bool IsEnabled { get; set; } = true;

    public DateTimeOffset? LastSentAt { get; set; }
}
