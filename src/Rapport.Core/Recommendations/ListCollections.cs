using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>Whose collections to list.</summary>
public enum CollectionListing
{
    /// <summary>The viewer's own.</summary>
    Mine = 0,

    /// <summary>Those the viewer follows (and may still see).</summary>
    Followed = 1,

    /// <summary>One person's (by handle), those the viewer may see.</summary>
    ByPerson = 2,
}

/// <summary>
/// Collections the viewer may see (<see cref="CollectionAccess.CanSee"/>), most recently changed first: their own,
/// the ones they follow, or one person's (<c>handle</c>; an unknown handle is an empty page, as is a person whose
/// collections are all hidden from the viewer).
/// </summary>
public sealed class ListCollections(RapportDbContext db)
{
    public async Task<Outcome<Page<CollectionSummary>>> ExecuteAsync(
        Guid viewerId, CollectionListing listing, string? handle, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = page.Validate(new FieldErrors());
        var normalized = People.Handle.Normalize(handle);
        if (listing == CollectionListing.ByPerson && normalized is null)
        {
            errors.Add("handle", "Name the person by their handle.");
        }

        if (!Enum.IsDefined(listing))
        {
            errors.Add("listing", "Choose mine, followed or a person's.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<Page<CollectionSummary>>.Invalid(errors);
        }

        var query = db.Collections.AsNoTracking().Where(CollectionAccess.CanSee(viewerId));
        query = listing switch
        {
            CollectionListing.Mine => query.Where(c => c.OwnerId == viewerId),
            CollectionListing.Followed => query.Where(c => c.Follows.Any(f => f.PersonId == viewerId)),
            _ => query.Where(c => c.Owner!.Handle == normalized),
        };
        var total = await query.CountAsync(cancellationToken);
        var collections = await query.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<CollectionSummary>(await db.ToSummariesAsync(collections, viewerId, cancellationToken), total, page.Skip, page.Take);
    }
}
