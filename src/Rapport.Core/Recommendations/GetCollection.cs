using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>One collection with its entries in order, if the viewer may see it (<see cref="CollectionAccess.CanSee"/>); otherwise NotFound.</summary>
public sealed class GetCollection(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<CollectionView>> ExecuteAsync(Guid viewerId, Guid collectionId, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.AsNoTracking().Where(c => c.Id == collectionId).Where(CollectionAccess.CanSee(viewerId))
            .SingleOrDefaultAsync(cancellationToken);
        return collection is null ? Outcome<CollectionView>.NotFound() : await db.ToViewAsync(markdown, collection, viewerId, cancellationToken);
    }
}
