namespace Rapport.Trust.Graph;

public sealed partial class TrustSnapshot
{
    public static partial TrustSnapshot Build(int nodeCount, ReadOnlySpan<StatementEdge> edges, long version) =>
        Build(nodeCount, edges, version, ordered: nodeCount >= NodeOrder.MinNodes);

    /// <summary>
    /// <see cref="Build(int, ReadOnlySpan{StatementEdge}, long)"/>, numbering nodes inside by <see cref="NodeOrder.ByDegree"/>
    /// when <paramref name="ordered"/> (whatever the size: tests compare both ways on small graphs), else external = internal.
    /// </summary>
    internal static TrustSnapshot Build(int nodeCount, ReadOnlySpan<StatementEdge> edges, long version, bool ordered)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        var empty = new TrustSnapshot { NodeCount = 0, Version = long.MinValue };
        var plain = Refresh(empty, nodeCount, edges, [], version, NodeOrder.Identity);
        if (!ordered)
        {
            return plain;
        }

        // The plain build validated the edges and knows the current public general trust layer the order reads.
        var order = NodeOrder.ByDegree(plain.PublicTrust);
        return Refresh(empty, nodeCount, order.Internal(edges), [], version, order);
    }

    public partial TrustSnapshot Apply(int nodeCount, ReadOnlySpan<StatementEdge> upserts, ReadOnlySpan<EdgeKey> removals, long version)
    {
        if (nodeCount < NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeCount), $"The node count may grow, never shrink (was {NodeCount}).");
        }

        if (version < Version)
        {
            throw new ArgumentOutOfRangeException(nameof(version), $"Versions are monotonic (was {Version}).");
        }

        return Refresh(this, nodeCount, Order.Internal(upserts), Order.Internal(removals), version, Order);
    }
}
