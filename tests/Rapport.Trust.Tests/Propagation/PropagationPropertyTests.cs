using CsCheck;
using Rapport.Trust.Graph;
using Rapport.Trust.Propagation;
using Rapport.Trust.Scoring;
using Rapport.Trust.Tests.Graph;
using static Rapport.Trust.Tests.Graph.Statements;
using static Rapport.Trust.Tests.Propagation.Queries;

namespace Rapport.Trust.Tests.Propagation;

/// <summary>Invariants every propagation algorithm keeps, on random graphs of every scope, sign and topic.</summary>
public sealed class PropagationPropertyTests
{
    private static readonly Gen<int> Topic = Gen.Int[0, GraphGen.Topics - 1];

    public static TheoryData<string> Algorithms => Names;

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Top_IsBestFirst_PositiveDistinctAndWithoutTheViewer(string algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var top = Named(algorithm).Run(View(Snapshot(GraphGen.Nodes, edges), perspective, topic));

            Assert.All(top, s => Assert.True(s.Score > 0 && float.IsFinite(s.Score)));
            Assert.DoesNotContain(perspective.Viewer, top.Select(s => s.Node));
            Assert.Equal(top.Length, top.Select(s => s.Node).Distinct().Count());
            for (var i = 1; i < top.Length; i++)
            {
                Assert.True(top[i - 1].Score >= top[i].Score);
            }
        }, iter: 2000);

    [Fact]
    public void Appleseed_Scores_SumToAtMostTheInjection() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var top = Top(View(Snapshot(GraphGen.Nodes, edges), perspective, topic), AppleseedOptions.Default);

            Assert.True(top.Sum(s => (double)s.Score) <= AppleseedOptions.Default.Injection * (1 + 1e-6));
        }, iter: 2000);

    [Theory]
    [InlineData("MoleTrust")]
    [InlineData("TidalTrust")]
    public void Scores_OfMoleTrustAndTidalTrust_AreAtMostOne(string algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var top = Named(algorithm).Run(View(Snapshot(GraphGen.Nodes, edges), perspective, topic));

            Assert.All(top, s => Assert.True(s.Score <= 1f));
        }, iter: 2000);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Top_AgreesWithTheLiteralPaperAlgorithm(string algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var view = View(Snapshot(GraphGen.Nodes, edges), perspective, topic);
            var expected = algorithm switch
            {
                "Appleseed" => ReferenceAlgorithms.Appleseed(view, AppleseedOptions.Default),
                "MoleTrust" => ReferenceAlgorithms.MoleTrust(view, MoleTrustOptions.Default),
                _ => ReferenceAlgorithms.TidalTrust(view, TidalTrustOptions.Default),
            };

            var top = Named(algorithm).Run(view);

            Assert.Equal(expected.Where(p => p.Value > 0).Select(p => p.Key).Order(), top.Select(s => s.Node).Order());
            Assert.All(top, s => Assert.True(
                Math.Abs(s.Score - expected[s.Node]) <= 1e-5 * Math.Max(1, expected[s.Node]),
                $"Node {s.Node}: expected {expected[s.Node]}, got {s.Score}."));
        }, iter: 1500);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Top_IgnoresSomeoneElsesPrivateStatement(string algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge).Sample((edges, perspective, topic, extra) =>
        {
            var author = extra.From == perspective.Viewer ? (extra.From + 1) % GraphGen.Nodes : extra.From;
            var statement = extra with { From = author, Scope = EdgeScope.Private, Community = -1 };
            if (edges.Any(e => e.Key == statement.Key))
            {
                return; // It would replace a visible statement, which is a different change.
            }

            var before = Named(algorithm).Run(View(Snapshot(GraphGen.Nodes, edges), perspective, topic));
            var after = Named(algorithm).Run(View(Snapshot(GraphGen.Nodes, [.. edges, statement]), perspective, topic));

            Assert.Equal(before, after);
        }, iter: 2000);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Top_IgnoresStatementsOfCommunitiesTheViewerIsNotIn(string algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge, Gen.Int[0, GraphGen.Communities]).Sample((edges, perspective, topic, extra, community) =>
        {
            var outside = perspective.Communities.Span.Contains(community) ? GraphGen.Communities : community;
            var author = extra.From == perspective.Viewer ? (extra.From + 1) % GraphGen.Nodes : extra.From;
            var statement = extra with { From = author, Scope = EdgeScope.Community, Community = outside };
            if (edges.Any(e => e.Key == statement.Key))
            {
                return;
            }

            var before = Named(algorithm).Run(View(Snapshot(GraphGen.Nodes, edges), perspective, topic));
            var after = Named(algorithm).Run(View(Snapshot(GraphGen.Nodes, [.. edges, statement]), perspective, topic));

            Assert.Equal(before, after);
        }, iter: 2000);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Top_UsesTheViewersOwnPrivateStatementsAndTheirCommunitysStatements(string algorithm)
    {
        var snapshot = Snapshot(4, Private(0, 1, 0.9f), InCommunity(5, 1, 2, 0.9f), InCommunity(6, 1, 3, 0.9f));

        var top = Named(algorithm).Run(View(snapshot, new Perspective(0, new[] { 5 })));

        Assert.Equal([1, 2], top.Select(s => s.Node).Order());
        Assert.Empty(Named(algorithm).Run(View(snapshot, 3)));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Top_IsDeterministic_WhateverRanBeforeOnTheThread(string algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, otherEdges, otherPerspective, topic) =>
        {
            var view = View(Snapshot(GraphGen.Nodes, edges), perspective, topic);

            var first = Named(algorithm).Run(view);
            Named(algorithm).Run(View(Snapshot(GraphGen.Nodes + 3, otherEdges), otherPerspective, topic));
            var again = Named(algorithm).Run(view);

            Assert.Equal(first, again);
        }, iter: 1000);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Top_WithFewerSlots_IsAPrefixOfTheFullRanking(string algorithm) =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, Gen.Int[0, 4]).Sample((edges, perspective, topic, slots) =>
        {
            var view = View(Snapshot(GraphGen.Nodes, edges), perspective, topic);

            var all = Named(algorithm).Run(view);
            var few = Named(algorithm).Run(view, slots);

            Assert.Equal(all.Take(slots), few);
        }, iter: 1000);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Top_InSteadyState_AllocatesNothing(string algorithm)
    {
        var query = Named(algorithm);
        var view = View(LargeGraph.Build(5_000, 40_000, seed: 11), new Perspective(17, new[] { 1 }), topic: 2);
        var into = new ScoredNode[100];
        query(view, into);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = query(view, into);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(count > 0);
        Assert.Equal(0, allocated);
    }
}
