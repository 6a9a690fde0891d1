using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Notifications;

/// <summary>How many notices in the person's inbox are unread (the layout's badge).</summary>
public sealed class CountUnreadNotifications(RapportDbContext db)
{
    public Task<int> ExecuteAsync(Guid personId, CancellationToken cancellationToken) =>
        NotificationAccess.Inbox(db, personId).CountAsync(n => n.ReadAt == null, cancellationToken);
}
