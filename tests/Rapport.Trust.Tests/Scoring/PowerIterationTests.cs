using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using static Rapport.Trust.Tests.Graph.Statements;
using static Rapport.Trust.Tests.Scoring.Queries;

namespace Rapport.Trust.Tests.Scoring;

/// <summary>
/// The exact tier against a plain synchronous power iteration written here from the view's rows: the engine's two
/// phases (sparse Jacobi rounds, then in-place sweeps over every node) must reach the same fixed point.
/// </summary>
public sealed class PowerIterationTests
{
    private const int Nodes = 1_500;
    private const float Alpha = 0.15f;
    private const int Piloting = 3;

    [Theory]
    [InlineData(TopicIndex.General, false)]
    [InlineData(TopicIndex.General, true)]
    [InlineData(Piloting, true)]
    public void Exact_OnAPowerLawGraphWithPrivateCommunityAndTopicRows_IsThePowerIterationFixedPoint(int topic, bool inCommunity)
    {
        var random = new Random(3);
        // Trust only: distrust lowers the ranking after PPR (OneStepDistrust), which the reference below leaves out.
        var edges = PushRecallTests.PowerLaw(Nodes, 12_000, seed: 17).Where(e => e.Value > 0).ToList();
        for (var i = 0; i < 200; i++)
        {
            var from = random.Next(Nodes);
            var to = (from + 1 + random.Next(Nodes - 1)) % Nodes;
            edges.Add((i % 3) switch
            {
                0 => Private(from, to, 0.5f),
                1 => InCommunity(1, from, to, 0.8f),
                _ => Public(from, to, 0.9f, Piloting),
            });
        }

        var snapshot = TrustSnapshot.Build(Nodes, [.. edges], 1);
        var viewers = Enumerable.Range(0, Nodes).Where(n => !snapshot.PublicTrust.TargetsOf(n).IsEmpty).Take(5).ToArray();
        foreach (var viewer in viewers)
        {
            var perspective = inCommunity ? new Perspective(viewer, new[] { 1 }) : Perspective.Of(viewer);
            var expected = Reference(new PerspectiveView(snapshot, perspective, topic, TrustQueryOptions.Default.TopicFallbackDiscount));
            var exact = TopAll(snapshot, perspective, Exact, topic);

            Assert.True(exact.Length > Nodes / PowerIteration.DenseShare, "the query reaches the in-place phase");
            foreach (var scored in exact)
            {
                Assert.Equal(expected[scored.Node], scored.Score, 1e-6);
            }

            var listed = exact.Select(s => s.Node).ToHashSet();
            Assert.All(Enumerable.Range(0, Nodes).Where(node => node != viewer && expected[node] > 1e-7), node => Assert.Contains(node, listed));
        }
    }

    /// <summary>Synchronous rounds over every node, the textbook way, until 1e-13 of the mass is left.</summary>
    private static double[] Reference(PerspectiveView view)
    {
        var score = new double[Nodes];
        var residual = new double[Nodes];
        residual[view.Viewer] = 1;
        while (residual.Sum() > 1e-13)
        {
            var next = new double[Nodes];
            for (var node = 0; node < Nodes; node++)
            {
                score[node] += Alpha * residual[node];
                var row = view.TrustRow(node);
                var normaliser = RowShares.Normaliser(view.Trust(node), view.FallbackDiscount, out var byWeight);
                if (normaliser == 0)
                {
                    continue;
                }

                foreach (var edge in row)
                {
                    next[edge.To] += (1 - Alpha) * residual[node] * (byWeight ? edge.Weight : edge.Value) / normaliser;
                }
            }

            residual = next;
        }

        return score;
    }
}
