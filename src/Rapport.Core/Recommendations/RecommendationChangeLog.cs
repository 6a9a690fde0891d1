using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Appends to the recommendation change log inside the caller's transaction. Appending locks the log head until the
/// transaction ends, which serializes recommendation writes across app nodes and keeps the log gap-free and in commit
/// order. Entries older than <see cref="Retention"/> are pruned by the appends themselves.
/// </summary>
internal static class RecommendationChangeLog
{
    /// <summary>How long entries are kept; a replica further behind than this reloads everything.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    /// <summary>Stages one entry per distinct person and returns the log position after them; the caller saves and commits.</summary>
    public static async Task<long> AppendAsync(RapportDbContext db, IEnumerable<Guid> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The recommendation change log is appended inside a transaction, together with the change it records.");
        }

        var changed = people.Distinct().ToList();
        if (changed.Count == 0)
        {
            return await HeadAsync(db, cancellationToken);
        }

        await db.RecommendationChangeHeads.Where(h => h.Id == RecommendationChangeHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence + changed.Count), cancellationToken);
        var last = await HeadAsync(db, cancellationToken);
        var cutoff = now - Retention;
        await db.RecommendationChanges.Where(c => c.At < cutoff).ExecuteDeleteAsync(cancellationToken);
        db.RecommendationChanges.AddRange(changed.Select((person, i) =>
            new RecommendationChange { Sequence = last - changed.Count + 1 + i, PersonId = person, At = now }));
        return last;
    }

    public static Task<long> HeadAsync(RapportDbContext db, CancellationToken cancellationToken) =>
        db.RecommendationChangeHeads.Where(h => h.Id == RecommendationChangeHead.SingletonId).Select(h => h.Sequence).SingleAsync(cancellationToken);
}
