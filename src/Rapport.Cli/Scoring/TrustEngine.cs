using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Scoring;

/// <summary><see cref="TrustQueries.Top"/> for one viewer on the general topic, as the bench and eval verbs call it.</summary>
internal delegate int TopQuery(TrustSnapshot snapshot, int viewer, TrustQueryOptions options, Span<ScoredNode> into);

/// <summary>
/// The engine the bench and eval verbs measure: the real <see cref="TrustSnapshot.Build"/> and <see cref="TrustQueries.Top"/>,
/// or, in tests, a stand-in, so the harness can be checked without the engine's bodies.
/// </summary>
internal sealed class TrustEngine(Func<int, StatementEdge[], TrustSnapshot> build, TopQuery top)
{
    public static TrustEngine Real { get; } = new(
        (nodeCount, edges) => TrustSnapshot.Build(nodeCount, edges, version: 1),
        (snapshot, viewer, options, into) => TrustQueries.Top(snapshot, Perspective.Of(viewer), TopicIndex.General, options, into));

    public TrustSnapshot Build(int nodeCount, StatementEdge[] edges) => build(nodeCount, edges);

    public int Top(TrustSnapshot snapshot, int viewer, TrustQueryOptions options, Span<ScoredNode> into) => top(snapshot, viewer, options, into);
}
