// TEMPORARY: lets the contract compile on feature branches until the engine lands. Must never reach main.
using Rapport.Trust.Graph;

namespace Rapport.Trust.Graph
{
    public sealed partial class TrustSnapshot
    {
        public static partial TrustSnapshot Build(int nodeCount, ReadOnlySpan<StatementEdge> edges, long version) => new() { NodeCount = nodeCount, EdgeCount = edges.Length, Version = version };

        public partial TrustSnapshot Apply(int nodeCount, ReadOnlySpan<StatementEdge> upserts, ReadOnlySpan<EdgeKey> removals, long version) => throw new NotImplementedException();
    }
}

namespace Rapport.Trust.Scoring
{
    public static partial class TrustQueries
    {
        public static partial int Top(TrustSnapshot snapshot, Perspective perspective, int topic, TrustQueryOptions options, Span<ScoredNode> into) => throw new NotImplementedException();

        public static partial IReadOnlyList<TrustPath> Why(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxPaths, int maxHops) => throw new NotImplementedException();

        public static partial float? Level(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxHops) => throw new NotImplementedException();
    }
}
