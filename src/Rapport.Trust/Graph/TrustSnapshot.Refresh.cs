namespace Rapport.Trust.Graph;

public sealed partial class TrustSnapshot
{
    public static partial TrustSnapshot Build(int nodeCount, ReadOnlySpan<StatementEdge> edges, long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        var empty = new TrustSnapshot { NodeCount = 0, Version = long.MinValue };
        return Refresh(empty, nodeCount, edges, [], version);
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

        return Refresh(this, nodeCount, upserts, removals, version);
    }
}
