using CsCheck;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using static Rapport.Trust.Tests.Scoring.Queries;

namespace Rapport.Trust.Tests.Graph;

/// <summary>
/// A snapshot numbered inside for locality (<see cref="NodeOrder"/>) holds the same statements renamed and answers every
/// public query under external indices as the plainly numbered one does. Random graphs are small, so the tests ask for
/// the order explicitly (<c>Build(…, ordered: true)</c>); Build orders only from <see cref="NodeOrder.MinNodes"/> nodes.
/// </summary>
public sealed class NodeOrderPropertyTests
{
    private const float Alpha = 0.15f;

    private static readonly Gen<int> Topic = Gen.Int[0, GraphGen.Topics - 1];

    [Fact]
    public void TheOrder_IsAPermutationThatRoundTrips_HubsFirst() =>
        Gen.Select(GraphGen.Edges, Gen.Int[0, 3]).Sample((edges, growth) =>
        {
            var snapshot = TrustSnapshot.Build(GraphGen.Nodes, edges, 1, ordered: true);
            var order = snapshot.Order;

            Assert.Equal(GraphGen.Nodes, order.Count);
            Assert.Equal(Enumerable.Range(0, GraphGen.Nodes), Enumerable.Range(0, GraphGen.Nodes).Select(node => order.Internal(node)).Order());
            for (var node = 0; node < GraphGen.Nodes + growth; node++)
            {
                Assert.Equal(node, order.External(order.Internal(node)));
                Assert.Equal(node, order.Internal(order.External(node)));
            }

            // Nodes added later keep their index.
            Assert.Equal(GraphGen.Nodes + growth, order.Internal(GraphGen.Nodes + growth));

            // Hubs first (public general trust degree, out + in, descending, ties by external index), then the rest in
            // external order.
            var trust = snapshot.PublicTrust;
            var degree = new int[GraphGen.Nodes];
            for (var node = 0; node < GraphGen.Nodes; node++)
            {
                degree[node] += trust.Start[node + 1] - trust.Start[node];
                foreach (var target in trust.TargetsOf(node))
                {
                    degree[target]++;
                }
            }

            // (The ordered snapshot's layer is under internal indices.)
            var externalDegree = new int[GraphGen.Nodes];
            for (var inner = 0; inner < GraphGen.Nodes; inner++)
            {
                externalDegree[order.External(inner)] = degree[inner];
            }

            Assert.Equal((GraphGen.Nodes + NodeOrder.HubShare - 1) / NodeOrder.HubShare, order.HubCount);
            AssertHubsFirst(order, externalDegree);
        }, iter: 1000);

    [Fact]
    public void AnOrderedSnapshot_HoldsThePlainLayersOfTheRenamedStatements() =>
        GraphGen.Edges.Sample(edges =>
        {
            var ordered = TrustSnapshot.Build(GraphGen.Nodes, edges, 1, ordered: true);

            SnapshotAssert.SameLayout(TrustSnapshot.Build(GraphGen.Nodes, ordered.Order.Internal(edges).ToArray(), 1, ordered: false), ordered);
        }, iter: 1000);

    [Fact]
    public void AnOrderedSnapshot_AnswersTopExactLevelAndWhyAsThePlainOne() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var plain = TrustSnapshot.Build(GraphGen.Nodes, edges, 1, ordered: false);
            var ordered = TrustSnapshot.Build(GraphGen.Nodes, edges, 1, ordered: true);

            AssertSameAnswers(plain, ordered, perspective, topic);
        }, iter: 1000);

    [Fact]
    public void OnAnOrderedSnapshot_BothPushTiersStayWithinTheResidualLeftOfThePlainExact() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic).Sample((edges, perspective, topic) =>
        {
            var plain = TrustSnapshot.Build(GraphGen.Nodes, edges, 1, ordered: false);
            var ordered = TrustSnapshot.Build(GraphGen.Nodes, edges, 1, ordered: true);
            var exact = ExternalScores(plain, perspective, topic, (view, workspace) => PowerIteration.Run(view, workspace, Alpha));
            Action<PerspectiveView, RankWorkspace>[] pushes =
            [
                (view, workspace) => ForwardPush.Run(view, workspace, Alpha, PrecisionDefaults.Cheap, PrecisionDefaults.PriorWeight),
                (view, workspace) => ForwardPush.RunUntilSeparated(view, workspace, Alpha, PrecisionDefaults.High, PrecisionDefaults.HighFloor, PrecisionDefaults.HighStep,
                    PrecisionDefaults.HighTop, PrecisionDefaults.BoundaryGap, PrecisionDefaults.PriorWeight, PrecisionDefaults.HighBudget),
            ];

            foreach (var push in pushes)
            {
                float left = 0, scale = 0;
                var estimate = ExternalScores(ordered, perspective, topic, (view, workspace) =>
                {
                    push(view, workspace);
                    (left, scale) = (workspace.ResidualLeft, workspace.Scale);
                });
                for (var node = 0; node < GraphGen.Nodes; node++)
                {
                    var prior = ordered.PublicPriorRank[ordered.Order.Internal(node)];
                    var tolerance = (exact[node] * 1e-5) + 1e-6;
                    Assert.True(estimate[node] <= exact[node] + ((1 - Alpha) * left * scale * prior) + tolerance, $"node {node}: {estimate[node]} vs exact {exact[node]}");
                    Assert.True(estimate[node] >= exact[node] - (left * scale) - tolerance, $"node {node}: {estimate[node]} vs exact {exact[node]}");
                }
            }
        }, iter: 1000);

    [Fact]
    public void Apply_OnAnOrderedSnapshot_KeepsTheOrderAndEqualsBuildingTheRenamedResult() =>
        Gen.Select(GraphGen.Edges, GraphGen.Edges, GraphGen.Key.Array[0, 12], Gen.Int[0, 3]).Sample((before, upserts, removals, growth) =>
        {
            var old = TrustSnapshot.Build(GraphGen.Nodes, before, 1, ordered: true);
            var nodeCount = GraphGen.Nodes + growth;
            var current = TrustSnapshotApplyPropertyTests.Current(before, upserts, removals);

            var applied = old.Apply(nodeCount, upserts, removals, 2);

            Assert.Same(old.Order, applied.Order);
            SnapshotAssert.SameLayout(TrustSnapshot.Build(nodeCount, old.Order.Internal(current).ToArray(), 2, ordered: false), applied);
            var plain = TrustSnapshot.Build(nodeCount, current, 2, ordered: false);
            foreach (var viewer in new[] { 0, nodeCount - 1 })
            {
                AssertSameAnswers(plain, applied, Perspective.Of(viewer), TopicIndex.General);
            }
        }, iter: 1000);

    [Fact]
    public void TheOrder_ReadsPublicGeneralTrustOnly() =>
        Gen.Select(GraphGen.Edges, GraphGen.Edge).Sample((edges, added) =>
        {
            if (added.Scope == EdgeScope.Public && added.Topic == TopicIndex.General && added.Value > 0)
            {
                return;
            }

            var others = edges.Where(e => e.Key != added.Key).ToArray();
            var without = TrustSnapshot.Build(GraphGen.Nodes, others, 1, ordered: true);
            var with = TrustSnapshot.Build(GraphGen.Nodes, [.. others, added], 1, ordered: true);

            for (var node = 0; node < GraphGen.Nodes; node++)
            {
                Assert.Equal(without.Order.Internal(node), with.Order.Internal(node));
            }
        }, iter: 1000);

    [Fact]
    public void OnOrderedSnapshots_APrivateStatement_ChangesNothingForAnyoneButItsAuthor() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Topic, GraphGen.Edge).Sample((edges, perspective, topic, added) =>
        {
            var statement = added with { Scope = EdgeScope.Private, Community = -1 };
            if (statement.From == perspective.Viewer)
            {
                return;
            }

            // Both built from scratch, so the order is computed with and without the statement.
            var others = edges.Where(e => e.Key != statement.Key).ToArray();
            var without = TrustSnapshot.Build(GraphGen.Nodes, others, 1, ordered: true);
            var with = TrustSnapshot.Build(GraphGen.Nodes, [.. others, statement], 1, ordered: true);
            foreach (var options in new[] { Cheap, High, Exact })
            {
                Assert.Equal(TopAll(without, perspective, options, topic), TopAll(with, perspective, options, topic));
            }

            for (var target = 0; target < GraphGen.Nodes; target++)
            {
                Assert.Equal(TrustQueries.Level(without, perspective, topic, target), TrustQueries.Level(with, perspective, topic, target));
                Assert.Equal(Paths(without, perspective, topic, target), Paths(with, perspective, topic, target));
            }
        }, iter: 1000);

    /// <summary>Exact Top (scores up to summation order), Level and Why (identical) agree for every target.</summary>
    [Fact]
    public void FromDegrees_AnyHubCount_RoundTripsAndPutsTheHubsFirst() =>
        Gen.Int[0, 3_000].SelectMany(n => Gen.Select(Gen.Int[0, 40].Array[n], Gen.Int[0, n])).Sample((degree, hubCount) =>
        {
            var order = NodeOrder.FromDegrees(degree, hubCount);

            Assert.Equal(degree.Length, order.Count);
            Assert.Equal(hubCount, order.HubCount);
            var internals = new bool[degree.Length];
            for (var node = 0; node < degree.Length; node++)
            {
                var inner = order.Internal(node);
                Assert.InRange(inner, 0, degree.Length - 1);
                Assert.False(internals[inner], $"internal {inner} given twice");
                internals[inner] = true;
                Assert.Equal(node, order.External(inner));
            }

            AssertHubsFirst(order, degree);
        }, iter: 300);

    [Fact]
    public void FromDegrees_RefusesAHubCountOutsideTheNodes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NodeOrder.FromDegrees([1, 2], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => NodeOrder.FromDegrees([1, 2], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NodeOrder.FromDegrees([1, -2], 1));
    }

    [Fact]
    public void TheOrder_HoldsAboutOneByteAndAQuarterPerNode()
    {
        var degree = Enumerable.Range(0, 1_000_000).Select(node => node % 97).ToArray();

        var order = NodeOrder.FromDegrees(degree, degree.Length / NodeOrder.HubShare);

        Assert.InRange(order.Bytes / (double)degree.Length, 1.0, 1.25);
    }

    /// <summary>The first hubs by degree descending (ties by external index), no hub below a non-hub, the rest in external order.</summary>
    private static void AssertHubsFirst(NodeOrder order, int[] degree)
    {
        for (var inner = 1; inner < order.HubCount; inner++)
        {
            int before = order.External(inner - 1), node = order.External(inner);
            Assert.True(degree[before] > degree[node] || (degree[before] == degree[node] && before < node));
        }

        if (order.HubCount > 0 && order.HubCount < degree.Length)
        {
            var weakestHub = order.External(order.HubCount - 1);
            Assert.All(Enumerable.Range(order.HubCount, degree.Length - order.HubCount).Select(order.External),
                node => Assert.True(degree[node] < degree[weakestHub] || (degree[node] == degree[weakestHub] && node > weakestHub)));
        }

        for (var inner = order.HubCount + 1; inner < degree.Length; inner++)
        {
            Assert.True(order.External(inner - 1) < order.External(inner));
        }
    }

    private static void AssertSameAnswers(TrustSnapshot plain, TrustSnapshot ordered, Perspective perspective, int topic)
    {
        var expected = TopAll(plain, perspective, Exact, topic);
        var actual = TopAll(ordered, perspective, Exact, topic);
        Assert.Equal(expected.Select(s => s.Node).Order(), actual.Select(s => s.Node).Order());
        foreach (var scored in expected)
        {
            Assert.Equal(scored.Score, ScoreOf(actual, scored.Node), (scored.Score * 1e-5) + 1e-7);
        }

        for (var target = 0; target < plain.NodeCount; target++)
        {
            Assert.Equal(TrustQueries.Level(plain, perspective, topic, target), TrustQueries.Level(ordered, perspective, topic, target));
            Assert.Equal(Paths(plain, perspective, topic, target), Paths(ordered, perspective, topic, target));
        }
    }

    private static string[] Paths(TrustSnapshot snapshot, Perspective perspective, int topic, int target) =>
        [.. TrustQueries.Why(snapshot, perspective, topic, target, maxPaths: 5).Select(p => $"{p.Strength:R}:{string.Join(';', p.Hops)}")];

    /// <summary>Runs a push or power iteration on a fresh workspace; the scores (before distrust) by external index.</summary>
    private static float[] ExternalScores(TrustSnapshot snapshot, Perspective perspective, int topic, Action<PerspectiveView, RankWorkspace> run)
    {
        var view = new PerspectiveView(snapshot, perspective, topic, TrustQueryOptions.Default.TopicFallbackDiscount);
        var workspace = new RankWorkspace();
        workspace.Prepare(snapshot.NodeCount, exact: true, best: PrecisionDefaults.HighTop + 1);
        run(view, workspace);
        var scores = new float[snapshot.NodeCount];
        for (var i = 0; i < workspace.TouchedCount; i++)
        {
            var node = workspace.Touched[i];
            scores[snapshot.Order.External(node)] = workspace.Push[node].Score;
        }

        return scores;
    }
}
