using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Notifications;

/// <summary>
/// Marks one notice (by id) or, with no id, every unread notice in the person's inbox as read; answers how many changed.
/// A notice not in their inbox: NotFound. Marking a read notice again changes nothing.
/// </summary>
public sealed class MarkNotificationsRead(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<int>> ExecuteAsync(Guid personId, Guid? notificationId, CancellationToken cancellationToken)
    {
        var inbox = NotificationAccess.Inbox(db, personId);
        if (notificationId is { } id)
        {
            if (!await inbox.AnyAsync(n => n.Id == id, cancellationToken))
            {
                return Outcome<int>.NotFound();
            }

            inbox = inbox.Where(n => n.Id == id);
        }

        var now = clock.GetUtcNow();
        return await inbox.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
