using CsCheck;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using Rapport.Trust.Tests.Graph;
using static Rapport.Trust.Tests.Scoring.Queries;

namespace Rapport.Trust.Tests.Scoring;

public sealed class TrustQueryPropertyTests
{
    private static readonly TrustQueryOptions[] Tiers = [Cheap, High, Exact];

    private static readonly Gen<TrustQueryOptions> Tier = Gen.OneOf(Cheap, High, Exact);

    private static readonly Gen<int> Topic = Gen.Int[0, GraphGen.Topics - 1];

    [Fact]
    public void Top_ScoresAreInRangeBestFirstAndSumToAtMostOne() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, Tier).Sample((edges, perspective, topic, options) =>
        {
            var top = TopAll(TrustSnapshot.Build(GraphGen.Nodes, edges, 1), perspective, options, topic);

            Assert.All(top, s => Assert.InRange(s.Score, float.Epsilon, 1f));
            Assert.DoesNotContain(top, s => s.Node == perspective.Viewer);
            Assert.Equal(top.Length, top.Select(s => s.Node).Distinct().Count());
            Assert.True(top.Zip(top.Skip(1)).All(pair => TopSelection.Better(pair.First, pair.Second)));
            Assert.True(top.Sum(s => (double)s.Score) <= 1 + 1e-5);
        }, iter: 1500);

    [Fact]
    public void Top_PushNeverExceedsExact() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var snapshot = TrustSnapshot.Build(GraphGen.Nodes, edges, 1);
            var exact = TopAll(snapshot, perspective, Exact, topic);

            foreach (var options in new[] { Cheap, High })
            {
                foreach (var scored in TopAll(snapshot, perspective, options, topic))
                {
                    Assert.True(scored.Score <= (ScoreOf(exact, scored.Node) * (1 + 1e-5)) + 1e-7, $"node {scored.Node}");
                }
            }
        }, iter: 1500);

    [Fact]
    public void AddingDistrust_NeverRaisesItsTarget() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge, GraphGen.DistrustValue).Sample((edges, perspective, topic, added, value) =>
        {
            var distrust = added with { Value = value };
            var before = TrustSnapshot.Build(GraphGen.Nodes, edges.Where(e => e.Key != distrust.Key).ToArray(), 1);
            var after = before.Apply(GraphGen.Nodes, [distrust], [], 2);
            var target = distrust.To;

            Assert.True(ScoreOf(TopAll(after, perspective, Exact, topic), target) <= ScoreOf(TopAll(before, perspective, Exact, topic), target) + 1e-6);
            Assert.True((TrustQueries.Level(after, perspective, topic, target) ?? 0) <= (TrustQueries.Level(before, perspective, topic, target) ?? 0) + 1e-6);
        }, iter: 1500);

    [Fact]
    public void APrivateStatement_ChangesNothingForAnyoneButItsAuthor() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge).Sample((edges, perspective, topic, added) =>
        {
            var statement = added with { Scope = EdgeScope.Private, Community = -1 };
            if (statement.From == perspective.Viewer)
            {
                return;
            }

            AssertSameForViewer(edges, statement, perspective, topic);
        }, iter: 1000);

    [Fact]
    public void ACommunityStatement_ChangesNothingForNonMembers() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge, Gen.Int[0, GraphGen.Communities - 1]).Sample((edges, perspective, topic, added, community) =>
        {
            var statement = added with { Scope = EdgeScope.Community, Community = community };
            if (statement.From == perspective.Viewer || perspective.Communities.Span.Contains(community))
            {
                return;
            }

            AssertSameForViewer(edges, statement, perspective, topic);
        }, iter: 1000);

    /// <summary>Adding <paramref name="statement"/> (as a new key) leaves every answer to the perspective identical.</summary>
    private static void AssertSameForViewer(StatementEdge[] edges, StatementEdge statement, Perspective perspective, int topic)
    {
        var others = edges.Where(e => e.Key != statement.Key).ToArray();
        var without = TrustSnapshot.Build(GraphGen.Nodes, others, 1);
        var with = without.Apply(GraphGen.Nodes, [statement], [], 2);
        foreach (var options in Tiers)
        {
            Assert.Equal(TopAll(without, perspective, options, topic), TopAll(with, perspective, options, topic));
        }

        for (var target = 0; target < GraphGen.Nodes; target++)
        {
            Assert.Equal(TrustQueries.Level(without, perspective, topic, target), TrustQueries.Level(with, perspective, topic, target));
            Assert.Equal(
                TrustQueries.Why(without, perspective, topic, target).Select(p => (p.Strength, string.Join(';', p.Hops))),
                TrustQueries.Why(with, perspective, topic, target).Select(p => (p.Strength, string.Join(';', p.Hops))));
        }
    }
}
