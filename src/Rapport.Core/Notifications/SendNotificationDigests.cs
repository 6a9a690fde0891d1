using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Notifications;

/// <summary>
/// One run of the daily email digest: for at most <see cref="MaxPeoplePerRun"/> people who want it, whose last digest is
/// at least <see cref="NotificationDigest.Interval"/> old and who have unread notices not yet emailed (in their inbox by
/// <see cref="NotificationAccess"/>), claims the digest first — <see cref="NotificationDigest.LastSentAt"/> moves to now
/// only if it is still due, and those notices get <see cref="Notification.EmailedAt"/>, in one transaction — and then
/// sends it. A claim another run won is skipped, so nobody gets two digests in a day and no notice is emailed twice
/// (at most once: a send that fails after the claim is not retried). Answers how many digests went out.
/// </summary>
public sealed class SendNotificationDigests(RapportDbContext db, INotificationMail mail, TimeProvider clock)
{
    public const int MaxPeoplePerRun = 100;
    public const int MaxNoticesPerDigest = 50;

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = now - NotificationDigest.Interval;
        var people = await db.Notifications.AsNoTracking()
            .Where(n => n.ReadAt == null && n.EmailedAt == null)
            .Where(n => !db.NotificationDigests.Any(d => d.PersonId == n.PersonId && (!d.IsEnabled || d.LastSentAt > due)))
            .Select(n => n.PersonId).Distinct().OrderBy(id => id).Take(MaxPeoplePerRun).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var personId in people)
        {
            if (await ClaimAsync(personId, now, due, cancellationToken) is { } digest)
            {
                await mail.SendDigestAsync(digest.Email, digest.Name, digest.Notices, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    private async Task<(string Email, string Name, List<NotificationView> Notices)?> ClaimAsync(
        Guid personId, DateTimeOffset now, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var notices = await NotificationAccess.Inbox(db, personId).AsNoTracking().Where(n => n.ReadAt == null && n.EmailedAt == null)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(MaxNoticesPerDigest)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.DisplayName, Email = db.Users.Where(u => u.Id == p.AccountId).Select(u => u.Email).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (notices.Count == 0 || person?.Email is not { Length: > 0 } email)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.NotificationDigests
            .Where(d => d.PersonId == personId && d.IsEnabled && (d.LastSentAt == null || d.LastSentAt <= due))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSentAt, now), cancellationToken);
        if (claimed == 0)
        {
            if (await db.NotificationDigests.AnyAsync(d => d.PersonId == personId, cancellationToken))
            {
                return null; // opted out, or another run sent it meanwhile
            }

            db.NotificationDigests.Add(new NotificationDigest { PersonId = personId, LastSentAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return null; // another run made the row first: it sends
            }
        }

        var ids = notices.ConvertAll(n => n.Id);
        await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (email, person.DisplayName, notices);
    }
}
