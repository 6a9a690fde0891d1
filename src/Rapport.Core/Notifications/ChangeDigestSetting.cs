using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Notifications;

/// <summary>Turns the person's daily email digest on or off (<c>null</c>: leave it) and answers the setting.</summary>
public sealed class ChangeDigestSetting(RapportDbContext db)
{
    public async Task<DigestSetting> ExecuteAsync(Guid personId, bool? enabled, CancellationToken cancellationToken)
    {
        var digest = await db.NotificationDigests.SingleOrDefaultAsync(d => d.PersonId == personId, cancellationToken);
        if (enabled is { } value && (digest?.IsEnabled ?? true) != value)
        {
            if (digest is null)
            {
                digest = new NotificationDigest { PersonId = personId };
                db.NotificationDigests.Add(digest);
            }

            digest.IsEnabled = value;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new DigestSetting(digest?.IsEnabled ?? true, digest?.LastSentAt);
    }
}
