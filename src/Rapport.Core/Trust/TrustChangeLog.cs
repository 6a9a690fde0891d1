using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>
/// Appends to the trust change log inside the caller's transaction. The first append locks the log head until the
/// transaction ends, which serializes every trust write (and every membership change) across app nodes; that is what
/// keeps the log gap-free and in commit order. Callers that also lock communities lock them first.
/// </summary>
internal static class TrustChangeLog
{
    /// <summary>Takes the head lock without appending (an exact count or check that must not race a trust write).</summary>
    public static async Task LockAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        await db.TrustChangeHeads.Where(h => h.Id == TrustChangeHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), cancellationToken);
    }

    /// <summary>Stages <paramref name="changes"/> with the next positions and returns the first; the caller saves and commits.</summary>
    public static async Task<long> AppendAsync(RapportDbContext db, IReadOnlyList<TrustChange> changes, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        if (changes.Count == 0)
        {
            return await HeadAsync(db, cancellationToken);
        }

        await db.TrustChangeHeads.Where(h => h.Id == TrustChangeHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence + changes.Count), cancellationToken);
        var last = await HeadAsync(db, cancellationToken);
        var first = last - changes.Count + 1;
        for (var i = 0; i < changes.Count; i++)
        {
            changes[i].Sequence = first + i;
        }

        db.TrustChanges.AddRange(changes);
        return first;
    }

    /// <summary>Logs that <paramref name="personId"/> joined or left <paramref name="communityId"/>; the caller saves and commits.</summary>
    public static Task<long> MembershipChangedAsync(
        RapportDbContext db, Guid communityId, Guid personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        AppendAsync(db, [new TrustChange { Kind = TrustChangeKind.Membership, PersonId = personId, CommunityId = communityId, At = now }], cancellationToken);

    public static Task<long> HeadAsync(RapportDbContext db, CancellationToken cancellationToken) =>
        db.TrustChangeHeads.Where(h => h.Id == TrustChangeHead.SingletonId).Select(h => h.Sequence).SingleAsync(cancellationToken);

    public static TrustChange StatementChanged(Guid fromId, Guid toId, string topic, DateTimeOffset now) =>
        new() { Kind = TrustChangeKind.Statement, PersonId = fromId, OtherPersonId = toId, Topic = topic, At = now };

    private static void RequireTransaction(RapportDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The trust change log is appended inside a transaction, together with the change it records.");
        }
    }
}
