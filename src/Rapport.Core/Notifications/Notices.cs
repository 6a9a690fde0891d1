using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Notifications;

/// <summary>
/// Adds a notice to a person's inbox as part of the caller's write: the caller's <c>SaveChangesAsync</c> stores it with
/// the event itself, so an event and its notices commit together. One notice per (person, event key): an event already
/// noticed (stored, or added earlier in this unit of work) adds nothing, and the unique index refuses a racing twin.
/// Text is plain, one sentence, cut to <see cref="Notification.TextMaxLength"/>; it must not say more than the person
/// may see. Nobody is notified of their own act.
/// </summary>
public sealed class Notices(RapportDbContext db, TimeProvider clock)
{
    public async Task AddAsync(Guid personId, Guid actorId, NotificationKind kind, string eventKey, string text, string link, Guid? problemId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
        if (personId == actorId)
        {
            return;
        }

        var key = Cut(eventKey, Notification.EventKeyMaxLength);
        if (db.Notifications.Local.Any(n => n.PersonId == personId && n.EventKey == key)
            || await db.Notifications.AnyAsync(n => n.PersonId == personId && n.EventKey == key, cancellationToken))
        {
            return;
        }

        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            PersonId = personId,
            Kind = kind,
            EventKey = key,
            Text = Cut(text, Notification.TextMaxLength),
            Link = Cut(link, Notification.LinkMaxLength),
            ProblemId = problemId,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
