using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Copies a collection the person may see into a new one they own: same title, description and entries (items and
/// notes, in order), remembering its origin (<see cref="Collection.ForkedFromId"/>). The fork is public unless a
/// community is given that the person belongs to. Forking one you cannot see is NotFound; the collection limit applies.
/// </summary>
public sealed class ForkCollection(RapportDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<Outcome<CollectionView>> ExecuteAsync(Guid personId, Guid collectionId, string? community, CancellationToken cancellationToken)
    {
        var origin = await db.Collections.AsNoTracking().Include(c => c.Entries).Where(c => c.Id == collectionId)
            .Where(CollectionAccess.CanSee(personId)).SingleOrDefaultAsync(cancellationToken);
        if (origin is null)
        {
            return Outcome<CollectionView>.NotFound();
        }

        var errors = new FieldErrors();
        var visibility = string.IsNullOrWhiteSpace(community) ? TrustVisibility.Public : TrustVisibility.Community;
        if (await ValidCollection.ValidateAsync(db, personId, new CollectionInput(origin.Title, origin.Description, visibility, community), errors, cancellationToken)
            is not { } fields)
        {
            return Outcome<CollectionView>.Invalid(errors);
        }

        if (await db.Collections.CountAsync(c => c.OwnerId == personId, cancellationToken) >= Collection.MaxPerPerson)
        {
            return Outcome<CollectionView>.Conflict($"You already have {Collection.MaxPerPerson} collections. Delete some before making new ones.");
        }

        var now = clock.GetUtcNow();
        var fork = new Collection
        {
            Id = Guid.CreateVersion7(now), OwnerId = personId, Title = fields.Title, Description = fields.Description,
            Visibility = fields.Visibility, CommunityId = fields.CommunityId, ForkedFromId = origin.Id, CreatedAt = now, ChangedAt = now,
            Entries = origin.Entries.OrderBy(e => e.Position)
                .Select((e, i) => new CollectionEntry { Id = Guid.CreateVersion7(now), ItemId = e.ItemId, Note = e.Note, Position = i, AddedAt = now })
                .ToList(),
        };
        db.Collections.Add(fork);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToViewAsync(markdown, fork, personId, cancellationToken);
    }
}
