using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>People's current recommendations as the index holds them (newest first), and the log position they reflect (at least).</summary>
internal sealed record RecommendationIndexLoad(Dictionary<Guid, IndexedRecommendation[]> ByPerson, long Version);

/// <summary>
/// Reads what <see cref="RecommendationIndex"/> holds: current recommendations (revoked ones are nobody's but their
/// author's, and the feed never shows the viewer's own) with their items' topics. Items never change their topics, so
/// those are read once per item and kept.
/// </summary>
internal static class RecommendationIndexReader
{
    /// <summary>Further behind than this, reloading everything is cheaper than following the log.</summary>
    public const int MaxBatch = 10_000;

    private const int PerQuery = 500;

    private sealed record Row(Guid Id, Guid PersonId, Guid ItemId, DateTimeOffset ChangedAt, int? Rating, TrustVisibility Visibility, Guid? CommunityId, string Topic);

    public static async Task<RecommendationIndexLoad> ReadAllAsync(
        RapportDbContext db, ConcurrentDictionary<Guid, string[]> itemTopics, CancellationToken cancellationToken)
    {
        // The head first: whatever commits after it is read again from the log, so the load is never behind its version.
        var version = await RecommendationChangeLog.HeadAsync(db, cancellationToken);
        var topics = await db.ItemTopics.AsNoTracking().Select(t => new { t.ItemId, t.Topic }).ToListAsync(cancellationToken);
        foreach (var item in topics.GroupBy(t => t.ItemId, t => t.Topic))
        {
            itemTopics[item.Key] = [.. item];
        }

        var rows = new Dictionary<Guid, List<IndexedRecommendation>>();
        await foreach (var row in Rows(db.Recommendations).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!rows.TryGetValue(row.PersonId, out var list))
            {
                rows[row.PersonId] = list = [];
            }

            list.Add(ToIndexed(row, itemTopics.GetValueOrDefault(row.ItemId) ?? []));
        }

        return new RecommendationIndexLoad(rows.ToDictionary(p => p.Key, p => Sorted(p.Value)), version);
    }

    /// <summary>
    /// The lists of the people named by entries after <paramref name="version"/> (empty for someone with none left);
    /// null when the log cannot tell them (entries pruned, too many, or a head behind us: another database).
    /// </summary>
    public static async Task<RecommendationIndexLoad?> ReadChangesAsync(
        RapportDbContext db, ConcurrentDictionary<Guid, string[]> itemTopics, long version, CancellationToken cancellationToken)
    {
        var head = await RecommendationChangeLog.HeadAsync(db, cancellationToken);
        if (head == version)
        {
            return new RecommendationIndexLoad([], version);
        }

        var entries = await db.RecommendationChanges.AsNoTracking()
            .Where(c => c.Sequence > version).OrderBy(c => c.Sequence).Take(MaxBatch + 1)
            .Select(c => new { c.Sequence, c.PersonId })
            .ToListAsync(cancellationToken);
        // Positions have no gaps (RecommendationChangeHead), so a missing one was pruned.
        if (head < version || entries.Count == 0 || entries.Count > MaxBatch
            || entries.Where((entry, i) => entry.Sequence != version + 1 + i).Any())
        {
            return null;
        }

        var lists = entries.Select(e => e.PersonId).Distinct().ToDictionary(p => p, _ => new List<IndexedRecommendation>());
        foreach (var people in lists.Keys.Chunk(PerQuery))
        {
            var rows = await Rows(db.Recommendations.Where(r => people.Contains(r.PersonId))).ToListAsync(cancellationToken);
            await ReadItemTopicsAsync(db, itemTopics, rows.Select(r => r.ItemId).Where(i => !itemTopics.ContainsKey(i)).Distinct().ToList(), cancellationToken);
            foreach (var row in rows)
            {
                lists[row.PersonId].Add(ToIndexed(row, itemTopics.GetValueOrDefault(row.ItemId) ?? []));
            }
        }

        return new RecommendationIndexLoad(lists.ToDictionary(p => p.Key, p => Sorted(p.Value)), entries[^1].Sequence);
    }

    private static async Task ReadItemTopicsAsync(
        RapportDbContext db, ConcurrentDictionary<Guid, string[]> itemTopics, List<Guid> items, CancellationToken cancellationToken)
    {
        foreach (var chunk in items.Chunk(PerQuery))
        {
            var topics = await db.ItemTopics.AsNoTracking().Where(t => chunk.Contains(t.ItemId)).Select(t => new { t.ItemId, t.Topic }).ToListAsync(cancellationToken);
            var byItem = topics.ToLookup(t => t.ItemId, t => t.Topic);
            foreach (var item in chunk)
            {
                itemTopics[item] = [.. byItem[item]];
            }
        }
    }

    private static IQueryable<Row> Rows(IQueryable<Recommendation> recommendations) =>
        recommendations.AsNoTracking()
            .Where(r => r.RevokedAt == null)
            .Select(r => new Row(r.Id, r.PersonId, r.ItemId, r.ChangedAt, r.Rating, r.Visibility, r.CommunityId, r.Topic));

    /// <summary>Its own topic joins its item's (sharing the item's array when it adds nothing).</summary>
    private static IndexedRecommendation ToIndexed(Row row, string[] itemTopics) =>
        new(row.Id, row.PersonId, row.ItemId, row.ChangedAt.UtcTicks, row.Rating, row.Visibility, row.CommunityId,
            row.Topic.Length == 0 || itemTopics.Contains(row.Topic, StringComparer.Ordinal) ? itemTopics : [row.Topic, .. itemTopics]);

    private static IndexedRecommendation[] Sorted(List<IndexedRecommendation> list)
    {
        var array = list.ToArray();
        Array.Sort(array, IndexedRecommendation.NewestFirst);
        return array;
    }
}
