using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>Creates an empty collection owned by the person. At most <see cref="Collection.MaxPerPerson"/> each (Conflict beyond).</summary>
public sealed class CreateCollection(RapportDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<Outcome<CollectionView>> ExecuteAsync(Guid ownerId, CollectionInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (await ValidCollection.ValidateAsync(db, ownerId, input, errors, cancellationToken) is not { } fields)
        {
            return Outcome<CollectionView>.Invalid(errors);
        }

        if (await db.Collections.CountAsync(c => c.OwnerId == ownerId, cancellationToken) >= Collection.MaxPerPerson)
        {
            return Outcome<CollectionView>.Conflict($"You already have {Collection.MaxPerPerson} collections. Delete some before making new ones.");
        }

        var now = clock.GetUtcNow();
        var collection = new Collection
        {
            Id = Guid.CreateVersion7(now), OwnerId = ownerId, Title = fields.Title, Description = fields.Description,
            Visibility = fields.Visibility, CommunityId = fields.CommunityId, CreatedAt = now, ChangedAt = now,
        };
        db.Collections.Add(collection);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToViewAsync(markdown, collection, ownerId, cancellationToken);
    }
}
