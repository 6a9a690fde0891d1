using CsCheck;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Tests.Graph;

public sealed class TrustSnapshotApplyPropertyTests
{
    [Fact]
    public void Apply_OfADelta_EqualsBuildingTheResultFromScratch() =>
        Gen.Select(GraphGen.Edges, GraphGen.Edges, GraphGen.Key.Array[0, 12], Gen.Int[0, 3]).Sample((before, upserts, removals, growth) =>
        {
            var old = TrustSnapshot.Build(GraphGen.Nodes, before, 1);
            var oldAgain = TrustSnapshot.Build(GraphGen.Nodes, before, 1);
            var nodeCount = GraphGen.Nodes + growth;

            var applied = old.Apply(nodeCount, upserts, removals, 2);

            SnapshotAssert.SameLayout(TrustSnapshot.Build(nodeCount, Current(before, upserts, removals), 2), applied);
            SnapshotAssert.SameLayout(oldAgain, old);
        }, iter: 3000);

    [Fact]
    public void Apply_InSteps_EqualsApplyingOnce() =>
        Gen.Select(GraphGen.Edges, GraphGen.Edges, GraphGen.Edges).Sample((first, second, third) =>
        {
            var stepwise = TrustSnapshot.Build(GraphGen.Nodes, first, 1).Apply(GraphGen.Nodes, second, [], 2).Apply(GraphGen.Nodes, third, [], 3);

            SnapshotAssert.SameLayout(TrustSnapshot.Build(GraphGen.Nodes, [.. first, .. second, .. third], 3), stepwise);
        }, iter: 1000);

    /// <summary>A plain model of "the current statements": later upserts win per key, removals after.</summary>
    internal static StatementEdge[] Current(StatementEdge[] before, StatementEdge[] upserts, EdgeKey[] removals)
    {
        var current = new Dictionary<EdgeKey, StatementEdge>();
        foreach (var edge in before.Concat(upserts))
        {
            current[edge.Key] = edge;
        }

        foreach (var key in removals)
        {
            current.Remove(key);
        }

        return [.. current.Values];
    }
}
