using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Core.Notifications;

/// <summary>
/// The one rule for reading notices: a person's own, and of those about a problem only while they may still see it
/// (<see cref="ProblemAccess.CanSee"/>): a withdrawn invitation or a community left takes its notices out of the inbox,
/// the unread count and the digest alike.
/// </summary>
internal static class NotificationAccess
{
    public static IQueryable<Notification> Inbox(RapportDbContext db, Guid personId)
    {
        var visible = db.Problems.Where(ProblemAccess.CanSee(personId));
        return db.Notifications.Where(n => n.PersonId == personId && (n.ProblemId == null || visible.Any(p => p.Id == n.ProblemId)));
    }
}
