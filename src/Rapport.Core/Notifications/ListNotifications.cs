using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Notifications;

/// <summary>The person's inbox (<see cref="NotificationAccess"/>), newest first, paged, with the unread count.</summary>
public sealed class ListNotifications(RapportDbContext db)
{
    public async Task<Outcome<NotificationPage>> ExecuteAsync(Guid personId, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = page.Validate(new FieldErrors());
        if (!errors.IsEmpty)
        {
            return Outcome<NotificationPage>.Invalid(errors);
        }

        var inbox = NotificationAccess.Inbox(db, personId).AsNoTracking();
        var total = await inbox.CountAsync(cancellationToken);
        var unread = await inbox.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await inbox.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(page.Skip).Take(page.Take)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(cancellationToken);
        return new NotificationPage(items, total, unread, page.Take, page.Skip);
    }
}
