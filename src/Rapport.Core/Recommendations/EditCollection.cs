using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>Changes the owner's collection's title, description and audience. Anyone else's is NotFound.</summary>
public sealed class EditCollection(RapportDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<Outcome<CollectionView>> ExecuteAsync(Guid ownerId, Guid collectionId, CollectionInput input, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.SingleOrDefaultAsync(c => c.Id == collectionId && c.OwnerId == ownerId, cancellationToken);
        if (collection is null)
        {
            return Outcome<CollectionView>.NotFound();
        }

        var errors = new FieldErrors();
        if (await ValidCollection.ValidateAsync(db, ownerId, input, errors, cancellationToken) is not { } fields)
        {
            return Outcome<CollectionView>.Invalid(errors);
        }

        collection.Title = fields.Title;
        collection.Description = fields.Description;
        collection.Visibility = fields.Visibility;
        collection.CommunityId = fields.CommunityId;
        collection.ChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToViewAsync(markdown, collection, ownerId, cancellationToken);
    }
}
