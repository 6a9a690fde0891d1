using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Trust.Graph;

namespace Rapport.Core.Trust;

/// <summary>Everything current, as engine edges, and the change-log position it reflects (at least).</summary>
internal sealed record TrustGraphLoad(List<StatementEdge> Edges, long Version);

/// <summary>What changed after a version: statements to make current (replacing their key) and keys to drop.</summary>
internal sealed record TrustGraphBatch(StatementEdge[] Upserts, EdgeKey[] Removals, long Version);

/// <summary>
/// Reads the statements the engine may use, applying <see cref="TrustStatementAccess"/>'s rule for the graph: revoked
/// statements are left out, and a community statement whose author has left the community is loaded as private.
/// </summary>
internal static class TrustGraphReader
{
    /// <summary>Further behind than this, re-reading everything is cheaper than following the log.</summary>
    public const int MaxBatch = 50_000;

    private const int AuthorsPerQuery = 500;

    private sealed record EdgeRow(Guid FromId, Guid ToId, string Topic, double Value, TrustVisibility Visibility, Guid? CommunityId, bool AuthorIsMember);

    public static async Task<TrustGraphLoad> ReadAllAsync(RapportDbContext db, TrustGraphIndex index, CancellationToken cancellationToken)
    {
        // The head first: whatever commits after it is read again from the log, so the load is never behind its version.
        var version = await TrustChangeLog.HeadAsync(db, cancellationToken);
        var edges = new List<StatementEdge>();
        await foreach (var row in Rows(db.TrustStatements).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            edges.Add(ToEdge(row, index));
        }

        return new TrustGraphLoad(edges, version);
    }

    /// <summary>
    /// The changes after <paramref name="version"/>; null when the log cannot tell them (entries pruned, or too many),
    /// and the graph must be read again from scratch.
    /// </summary>
    public static async Task<TrustGraphBatch?> ReadChangesAsync(RapportDbContext db, TrustGraphIndex index, long version, CancellationToken cancellationToken)
    {
        var head = await TrustChangeLog.HeadAsync(db, cancellationToken);
        if (head == version)
        {
            return new TrustGraphBatch([], [], version);
        }

        var entries = await db.TrustChanges.AsNoTracking()
            .Where(c => c.Sequence > version)
            .OrderBy(c => c.Sequence)
            .Take(MaxBatch + 1)
            .ToListAsync(cancellationToken);
        // Positions have no gaps (TrustChangeHead), so a missing one was pruned; a head behind us is another database.
        if (head < version || entries.Count == 0 || entries.Count > MaxBatch
            || entries.Where((entry, i) => entry.Sequence != version + 1 + i).Any())
        {
            return null;
        }

        var keys = entries.Where(e => e.Kind == TrustChangeKind.Statement)
            .Select(e => (e.PersonId, e.OtherPersonId!.Value, e.Topic ?? TrustStatement.GeneralTopic)).ToHashSet();
        var memberships = entries.Where(e => e.Kind == TrustChangeKind.Membership)
            .Select(e => (e.PersonId, e.CommunityId!.Value)).ToHashSet();
        var rows = new List<EdgeRow>();
        foreach (var authors in entries.Select(e => e.PersonId).Distinct().Chunk(AuthorsPerQuery))
        {
            var read = await Rows(db.TrustStatements.Where(s => authors.Contains(s.FromId))).ToListAsync(cancellationToken);
            rows.AddRange(read.Where(r => keys.Contains((r.FromId, r.ToId, r.Topic))
                || (r.CommunityId is { } c && memberships.Contains((r.FromId, c)))));
        }

        var found = rows.Select(r => (r.FromId, r.ToId, r.Topic)).ToHashSet();
        var removals = keys.Where(k => !found.Contains(k))
            .Select(k => index.TryGetNode(k.Item1, out var from) && index.TryGetNode(k.Item2, out var to) && index.TryGetTopic(k.Item3, out var topic)
                ? new EdgeKey(from, to, topic)
                : (EdgeKey?)null) // a key the graph never held has nothing to remove
            .OfType<EdgeKey>()
            .ToArray();
        return new TrustGraphBatch(rows.Select(r => ToEdge(r, index)).ToArray(), removals, entries[^1].Sequence);
    }

    private static IQueryable<EdgeRow> Rows(IQueryable<TrustStatement> statements) =>
        statements.AsNoTracking()
            .Where(s => s.RevokedAt == null)
            .Select(s => new EdgeRow(s.FromId, s.ToId, s.Topic, s.Value, s.Visibility, s.CommunityId,
                s.Visibility == TrustVisibility.Community && s.Community!.Memberships.Any(m => m.PersonId == s.FromId)));

    private static StatementEdge ToEdge(EdgeRow row, TrustGraphIndex index)
    {
        var scope = TrustVisibilityScopes.Scope(row.Visibility, row.AuthorIsMember);
        return new StatementEdge(
            index.Node(row.FromId),
            index.Node(row.ToId),
            (float)row.Value,
            index.Topic(row.Topic),
            scope,
            scope == EdgeScope.Community ? index.Community(row.CommunityId!.Value) : -1);
    }
}
