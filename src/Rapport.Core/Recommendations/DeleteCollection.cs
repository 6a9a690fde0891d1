using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Deletes the owner's collection with its entries and follows; its forks stay and stop naming it. The items stay
/// (others recommend and collect them). Anyone else's is NotFound.
/// </summary>
public sealed class DeleteCollection(RapportDbContext db)
{
    public async Task<Outcome<bool>> ExecuteAsync(Guid ownerId, Guid collectionId, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.SingleOrDefaultAsync(c => c.Id == collectionId && c.OwnerId == ownerId, cancellationToken);
        if (collection is null)
        {
            return Outcome<bool>.NotFound();
        }

        db.Collections.Remove(collection);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
