namespace Rapport.Trust.Graph;

/// <summary>
/// CONTRACT (signatures fixed; layout in TrustSnapshot.Layers.cs). An immutable, read-only view of every current trust
/// statement, laid out in compressed sparse rows (int32 targets, float32 weights) per scope. Safe to read from any
/// number of threads; a change makes a new snapshot (<see cref="Apply"/>) that callers swap in atomically.
/// </summary>
public sealed partial class TrustSnapshot
{
    /// <summary>No nodes, no edges.</summary>
    public static TrustSnapshot Empty { get; } = Build(0, [], 0);

    /// <summary>Number of node indices, 0 .. NodeCount-1.</summary>
    public int NodeCount { get; private init; }

    /// <summary>Number of current statements of every scope and sign.</summary>
    public int EdgeCount { get; private init; }

    /// <summary>The caller's change-log position this snapshot reflects (monotonic).</summary>
    public long Version { get; private init; }

    /// <summary>
    /// Builds a snapshot. When two edges share an <see cref="EdgeKey"/>, the later one in <paramref name="edges"/> wins.
    /// A statement of a person about themselves carries no trust and is not kept. Invalid statements (node out of range,
    /// value 0 or outside [-1, 1], negative topic, community scope without a community) throw.
    /// </summary>
    public static partial TrustSnapshot Build(int nodeCount, ReadOnlySpan<StatementEdge> edges, long version);

    /// <summary>
    /// Returns a new snapshot with <paramref name="upserts"/> made current (replacing any edge of the same key, of
    /// whatever scope) and <paramref name="removals"/> gone. <paramref name="nodeCount"/> may grow, never shrink.
    /// This snapshot is unchanged. A key both upserted and removed in one call ends removed; removing a key that is not
    /// current does nothing. Cost: O(changes · log changes) plus a copy of the layers the changes touch.
    /// </summary>
    public partial TrustSnapshot Apply(int nodeCount, ReadOnlySpan<StatementEdge> upserts, ReadOnlySpan<EdgeKey> removals, long version);
}
