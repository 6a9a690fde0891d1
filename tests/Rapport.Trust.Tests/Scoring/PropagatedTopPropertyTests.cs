using CsCheck;
using Rapport.Trust.Graph;
using Rapport.Trust.Propagation;
using Rapport.Trust.Scoring;
using Rapport.Trust.Tests.Graph;
using static Rapport.Trust.Tests.Scoring.Queries;

namespace Rapport.Trust.Tests.Scoring;

/// <summary>Appleseed, MoleTrust and TidalTrust through <see cref="TrustQueries.Top"/>: the same rules as PPR's.</summary>
public sealed class PropagatedTopPropertyTests
{
    private static readonly Gen<int> Topic = Gen.Int[0, GraphGen.Topics - 1];

    public static TheoryData<TrustAlgorithm> Algorithms => [TrustAlgorithm.Appleseed, TrustAlgorithm.MoleTrust, TrustAlgorithm.TidalTrust];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Top_IsTheAlgorithmsRankingWhenNobodyDistrusts(TrustAlgorithm algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var trustOnly = edges.Where(e => e.Value > 0).ToArray();
            var snapshot = TrustSnapshot.Build(GraphGen.Nodes, trustOnly, 1);
            var options = TrustQueryOptions.Default with { Algorithm = algorithm };
            var view = new PerspectiveView(snapshot, perspective, topic, options.TopicFallbackDiscount);
            var into = new ScoredNode[GraphGen.Nodes];
            var count = algorithm switch
            {
                TrustAlgorithm.Appleseed => Appleseed.Top(view, options.Appleseed, into),
                TrustAlgorithm.MoleTrust => MoleTrust.Top(view, options.MoleTrust, into),
                _ => TidalTrust.Top(view, options.TidalTrust, into),
            };
            var scale = algorithm == TrustAlgorithm.Appleseed ? (float)(1 / options.Appleseed.Injection) : 1f;
            var expected = into[..count].Select(s => (s.Node, s.Score * scale)).ToArray();

            var actual = TopAll(snapshot, perspective, options, topic);

            Assert.Equal(expected.Select(e => e.Node), actual.Select(a => a.Node));
            Assert.All(actual.Zip(expected), pair => Assert.Equal(pair.Second.Item2, pair.First.Score, 6));
        }, iter: 500);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void AddingDistrust_NeverRaisesItsTarget(TrustAlgorithm algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge, GraphGen.DistrustValue).Sample((edges, perspective, topic, added, value) =>
        {
            var options = TrustQueryOptions.Default with { Algorithm = algorithm };
            var distrust = added with { Value = value };
            var before = TrustSnapshot.Build(GraphGen.Nodes, edges.Where(e => e.Key != distrust.Key).ToArray(), 1);
            var after = before.Apply(GraphGen.Nodes, [distrust], [], 2);

            Assert.True(ScoreOf(TopAll(after, perspective, options, topic), distrust.To) <= ScoreOf(TopAll(before, perspective, options, topic), distrust.To) + 1e-6);
        }, iter: 500);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void FullDistrustByTheViewer_RemovesTheTarget(TrustAlgorithm algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Gen.Int[0, GraphGen.Nodes - 1]).Sample((edges, perspective, target) =>
        {
            if (target == perspective.Viewer)
            {
                return;
            }

            var options = TrustQueryOptions.Default with { Algorithm = algorithm };
            var distrust = new StatementEdge(perspective.Viewer, target, -1, TopicIndex.General, EdgeScope.Private);
            var snapshot = TrustSnapshot.Build(GraphGen.Nodes, [.. edges.Where(e => e.Key != distrust.Key), distrust], 1);

            Assert.DoesNotContain(TopAll(snapshot, perspective, options), s => s.Node == target);
        }, iter: 500);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void APrivateStatement_ChangesNothingForAnyoneButItsAuthor(TrustAlgorithm algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge).Sample((edges, perspective, topic, added) =>
        {
            var statement = added with { Scope = EdgeScope.Private, Community = -1 };
            if (statement.From == perspective.Viewer)
            {
                return;
            }

            var options = TrustQueryOptions.Default with { Algorithm = algorithm };
            var without = TrustSnapshot.Build(GraphGen.Nodes, edges.Where(e => e.Key != statement.Key).ToArray(), 1);
            var with = without.Apply(GraphGen.Nodes, [statement], [], 2);

            Assert.Equal(TopAll(without, perspective, options, topic), TopAll(with, perspective, options, topic));
        }, iter: 500);
}
