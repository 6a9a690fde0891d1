using CsCheck;
using Rapport.Trust.Admission;
using Rapport.Trust.Graph;
using Rapport.Trust.Tests.Graph;
using static Rapport.Trust.Tests.Graph.Statements;

namespace Rapport.Trust.Tests.Admission;

public sealed class AdvogatoFlowPropertyTests
{
    private const int Nodes = 14;

    private static readonly Gen<StatementEdge[]> PublicEdges = Gen.Select(Gen.Int[0, Nodes - 1], Gen.Int[0, Nodes - 1], Gen.OneOf(-0.5f, 0.3f, 0.6f, 1f), (from, to, value) => Public(from, to, value)).Array[0, 50];

    private static readonly Gen<int[]> Seeds = Gen.Int[0, Nodes - 1].Array[1, 3];

    private static readonly Gen<int[]> Schedule = Gen.Int[1, 6].Array[1, 4];

    private static readonly Gen<float> Threshold = Gen.OneOf(0f, 0.5f);

    [Fact]
    public void Accepted_CountIsTheMaximumFlowOfTheTextbookNetwork() =>
        Gen.Select(PublicEdges, Seeds, Schedule, Threshold).Sample((edges, seeds, schedule, threshold) =>
        {
            var options = new AdvogatoOptions { Capacities = schedule, CertificationThreshold = threshold };

            var result = AdvogatoFlow.AdmitToCommunity(Snapshot(Nodes, edges), 0, seeds, options);

            Assert.Equal(FlowOracle.AcceptedCount(Nodes, edges, seeds, options), result.Accepted.Count);
            Assert.All(seeds, seed => Assert.True(result.IsAccepted(seed)));
            var distances = FlowOracle.Distances(Nodes, edges, seeds, threshold);
            for (var node = 0; node < Nodes; node++)
            {
                var expected = distances[node] <= schedule.Length ? FlowOracle.Capacity(distances[node], options) : 0;
                Assert.Equal(expected, result.CapacityOf(node));
                Assert.False(result.IsAccepted(node) && expected == 0);
            }
        }, iter: 3000);

    [Fact]
    public void Accepted_CountNeverFallsWhenCapacitiesRise() =>
        Gen.Select(PublicEdges, Seeds, Schedule, Gen.Int[0, 3].Array[4]).Sample((edges, seeds, schedule, raise) =>
        {
            var snapshot = Snapshot(Nodes, edges);
            var higher = schedule.Select((c, i) => c + raise[i]).ToArray();

            var low = AdvogatoFlow.AdmitToCommunity(snapshot, 0, seeds, new AdvogatoOptions { Capacities = schedule });
            var high = AdvogatoFlow.AdmitToCommunity(snapshot, 0, seeds, new AdvogatoOptions { Capacities = higher });

            Assert.True(high.Accepted.Count >= low.Accepted.Count);
        }, iter: 3000);

    [Fact]
    public void Sybils_AcceptedNeverExceedTheCapacityOfTheAttackedPeople() =>
        Gen.Select(Gen.Int[2, 12], Gen.Int[1, 30], Gen.Int[1, 3], Gen.Int[0, 3].Array[3], Gen.Int[0, int.MaxValue]).Sample((honest, sybils, attacks, schedule, seed) =>
        {
            var random = new Random(seed);
            var nodes = honest + sybils;
            var edges = new List<StatementEdge>();
            for (var i = 0; i < 3 * honest; i++)
            {
                edges.Add(Public(random.Next(honest), random.Next(honest), 1f));
            }

            // The sybil region: as dense as the attacker likes, and free to certify honest people too.
            for (var i = 0; i < 6 * sybils; i++)
            {
                edges.Add(Public(honest + random.Next(sybils), honest + random.Next(sybils), 1f));
                edges.Add(Public(honest + random.Next(sybils), random.Next(honest), 1f));
            }

            var attackers = new HashSet<int>();
            for (var i = 0; i < attacks; i++)
            {
                var attacker = random.Next(honest);
                attackers.Add(attacker);
                edges.Add(Public(attacker, honest + random.Next(sybils), 1f));
            }

            var options = new AdvogatoOptions { Capacities = [.. schedule.Select(c => 1 + (c * 3)), 1] };

            var result = AdvogatoFlow.AdmitToCommunity(TrustSnapshot.Build(nodes, edges.ToArray(), 1), 0, [0], options);

            var accepted = result.Accepted.Count(n => n >= honest);
            var bound = attackers.Sum(a => Math.Max(0, result.CapacityOf(a) - 1));
            Assert.True(accepted <= bound, $"{accepted} sybils accepted, bound {bound}.");
        }, iter: 3000);

    [Fact]
    public void AdmitToCommunity_IgnoresEveryPrivateStatementAndOtherCommunities() =>
        Gen.Select(GraphGen.Edges, GraphGen.Edge, Gen.Int[0, GraphGen.Communities - 1], Gen.Int[0, GraphGen.Nodes - 1].Array[1, 2]).Sample((edges, extra, community, seeds) =>
        {
            var hidden = extra.Scope == EdgeScope.Community && extra.Community != community
                ? extra
                : extra with { Scope = EdgeScope.Private, Community = -1 };
            if (edges.Any(e => e.Key == hidden.Key))
            {
                return;
            }

            var before = AdvogatoFlow.AdmitToCommunity(Snapshot(GraphGen.Nodes, edges), community, seeds, AdvogatoOptions.Default);
            var after = AdvogatoFlow.AdmitToCommunity(Snapshot(GraphGen.Nodes, [.. edges, hidden]), community, seeds, AdvogatoOptions.Default);

            Assert.Equal(before.Accepted, after.Accepted);
        }, iter: 3000);

    [Fact]
    public void Admit_FromAPerspective_IgnoresSomeoneElsesPrivateStatement() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, GraphGen.Edge, Gen.Int[0, GraphGen.Nodes - 1].Array[1, 2]).Sample((edges, perspective, extra, seeds) =>
        {
            var author = extra.From == perspective.Viewer ? (extra.From + 1) % GraphGen.Nodes : extra.From;
            var hidden = extra with { From = author, Scope = EdgeScope.Private, Community = -1 };
            if (edges.Any(e => e.Key == hidden.Key))
            {
                return;
            }

            var before = AdvogatoFlow.Admit(Snapshot(GraphGen.Nodes, edges), perspective, seeds, AdvogatoOptions.Default);
            var after = AdvogatoFlow.Admit(Snapshot(GraphGen.Nodes, [.. edges, hidden]), perspective, seeds, AdvogatoOptions.Default);

            Assert.Equal(before.Accepted, after.Accepted);
        }, iter: 3000);
}
