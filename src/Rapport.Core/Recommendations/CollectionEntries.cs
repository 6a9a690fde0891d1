using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>Loading an owner's collection with its entries, and keeping positions 0..n−1 in order after a change.</summary>
internal static class CollectionEntries
{
    public static Task<Collection?> LoadOwnedAsync(RapportDbContext db, Guid ownerId, Guid collectionId, CancellationToken cancellationToken) =>
        db.Collections.Include(c => c.Entries).SingleOrDefaultAsync(c => c.Id == collectionId && c.OwnerId == ownerId, cancellationToken);

    /// <summary>The entries in order, with <paramref name="moving"/> (if any) placed at <paramref name="position"/> (clamped).</summary>
    public static void Renumber(Collection collection, CollectionEntry? moving = null, int position = 0)
    {
        var ordered = collection.Entries.Where(e => e != moving).OrderBy(e => e.Position).ThenBy(e => e.AddedAt).ThenBy(e => e.Id).ToList();
        if (moving is not null)
        {
            ordered.Insert(Math.Clamp(position, 0, ordered.Count), moving);
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }
    }

    public static FieldErrors CheckPosition(int? position, FieldErrors errors)
    {
        if (position is < 0 or > Collection.MaxEntries)
        {
            errors.Add("position", $"Position must be between 0 and {Collection.MaxEntries}.");
        }

        return errors;
    }
}

/// <summary>
/// Adds an item to the owner's collection with a note, at <c>position</c> (0-based; the end when left out or past it).
/// The same item may appear once per collection (adding it again is Conflict). At most <see cref="Collection.MaxEntries"/>.
/// An unknown item is a field error; someone else's collection is NotFound.
/// </summary>
public sealed class AddCollectionEntry(RapportDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<Outcome<CollectionView>> ExecuteAsync(
        Guid ownerId, Guid collectionId, Guid itemId, string? note, int? position, CancellationToken cancellationToken)
    {
        var collection = await CollectionEntries.LoadOwnedAsync(db, ownerId, collectionId, cancellationToken);
        if (collection is null)
        {
            return Outcome<CollectionView>.NotFound();
        }

        var errors = CollectionEntries.CheckPosition(position, new FieldErrors());
        var text = RecommendationRules.Text(note, "note", "Note", CollectionEntry.NoteMaxLength, errors);
        if (!await db.Items.AnyAsync(i => i.Id == itemId, cancellationToken))
        {
            errors.Add("itemId", "No item has that id.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<CollectionView>.Invalid(errors);
        }

        if (collection.Entries.Any(e => e.ItemId == itemId))
        {
            return Outcome<CollectionView>.Conflict("That item is in this collection already.");
        }

        if (collection.Entries.Count >= Collection.MaxEntries)
        {
            return Outcome<CollectionView>.Conflict($"A collection holds at most {Collection.MaxEntries} items.");
        }

        var now = clock.GetUtcNow();
        var entry = new CollectionEntry { Id = Guid.CreateVersion7(now), CollectionId = collection.Id, ItemId = itemId, Note = text, AddedAt = now };
        collection.Entries.Add(entry);
        CollectionEntries.Renumber(collection, entry, position ?? int.MaxValue);
        collection.ChangedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToViewAsync(markdown, collection, ownerId, cancellationToken);
    }
}

/// <summary>Removes an entry from the owner's collection; the others close up. A missing entry or someone else's collection is NotFound.</summary>
public sealed class RemoveCollectionEntry(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<bool>> ExecuteAsync(Guid ownerId, Guid collectionId, Guid entryId, CancellationToken cancellationToken)
    {
        var collection = await CollectionEntries.LoadOwnedAsync(db, ownerId, collectionId, cancellationToken);
        var entry = collection?.Entries.SingleOrDefault(e => e.Id == entryId);
        if (collection is null || entry is null)
        {
            return Outcome<bool>.NotFound();
        }

        collection.Entries.Remove(entry);
        db.CollectionEntries.Remove(entry);
        CollectionEntries.Renumber(collection);
        collection.ChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>
/// Moves an entry of the owner's collection to <c>position</c> (0-based, clamped to the end) and, when given, changes
/// its note. A missing entry or someone else's collection is NotFound.
/// </summary>
public sealed class MoveCollectionEntry(RapportDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<Outcome<CollectionView>> ExecuteAsync(
        Guid ownerId, Guid collectionId, Guid entryId, int? position, string? note, CancellationToken cancellationToken)
    {
        var collection = await CollectionEntries.LoadOwnedAsync(db, ownerId, collectionId, cancellationToken);
        var entry = collection?.Entries.SingleOrDefault(e => e.Id == entryId);
        if (collection is null || entry is null)
        {
            return Outcome<CollectionView>.NotFound();
        }

        var errors = CollectionEntries.CheckPosition(position, new FieldErrors());
        var text = note is null ? entry.Note : RecommendationRules.Text(note, "note", "Note", CollectionEntry.NoteMaxLength, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<CollectionView>.Invalid(errors);
        }

        entry.Note = text;
        CollectionEntries.Renumber(collection, entry, position ?? entry.Position);
        collection.ChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToViewAsync(markdown, collection, ownerId, cancellationToken);
    }
}
