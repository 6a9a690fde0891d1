using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Follows a collection the person may see (NotFound otherwise, as for a missing one). Following again, or one's own,
/// is Ok and writes nothing more (one's own is not followed: it is listed as mine).
/// </summary>
public sealed class FollowCollection(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<bool>> ExecuteAsync(Guid personId, Guid collectionId, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.AsNoTracking().Where(c => c.Id == collectionId).Where(CollectionAccess.CanSee(personId))
            .Select(c => new { c.OwnerId, Followed = c.Follows.Any(f => f.PersonId == personId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (collection is null)
        {
            return Outcome<bool>.NotFound();
        }

        if (!collection.Followed && collection.OwnerId != personId)
        {
            db.CollectionFollows.Add(new CollectionFollow { CollectionId = collectionId, PersonId = personId, At = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Followed twice at once: one follow is what was asked. Anything else is a real failure.
                db.ChangeTracker.Clear();
                if (!await db.CollectionFollows.AnyAsync(f => f.CollectionId == collectionId && f.PersonId == personId, cancellationToken))
                {
                    throw;
                }
            }
        }

        return true;
    }
}

/// <summary>Stops following a collection. Not following it (or it being gone or hidden) is Ok too: nothing to undo, nothing told.</summary>
public sealed class UnfollowCollection(RapportDbContext db)
{
    public async Task<Outcome<bool>> ExecuteAsync(Guid personId, Guid collectionId, CancellationToken cancellationToken)
    {
        await db.CollectionFollows.Where(f => f.CollectionId == collectionId && f.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        return true;
    }
}
