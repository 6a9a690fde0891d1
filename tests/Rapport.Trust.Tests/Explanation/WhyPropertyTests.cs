using CsCheck;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using Rapport.Trust.Tests.Graph;

namespace Rapport.Trust.Tests.Explanation;

public sealed class WhyPropertyTests
{
    [Fact]
    public void Why_EqualsTheBestOfEverySimplePathByBruteForce() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Gen.Int[0, GraphGen.Nodes - 1], Gen.Int[0, GraphGen.Topics - 1], Gen.Int[1, 5])
            .Sample((edges, perspective, target, topic, maxHops) =>
            {
                var snapshot = TrustSnapshot.Build(GraphGen.Nodes, edges, 1);
                var view = new PerspectiveView(snapshot, perspective, topic, TrustQueryOptions.Default.TopicFallbackDiscount);
                var expected = AllSimplePaths(view, target, maxHops)
                    .OrderByDescending(p => p.Strength).ThenBy(p => p.Nodes.Length).ThenBy(p => string.Join(',', p.Nodes.Select(n => n.ToString("D3"))))
                    .Take(4).ToList();

                var actual = TrustQueries.Why(snapshot, perspective, topic, target, maxPaths: 4, maxHops: maxHops);

                Assert.Equal(expected.Select(p => p.Nodes), actual.Select(WhyTests.Nodes));
                Assert.Equal(expected.Select(p => (float)p.Strength), actual.Select(p => p.Strength));
                var level = TrustQueries.Level(snapshot, perspective, topic, target, maxHops);
                Assert.True(level is null or >= -1 and <= 1);
            }, iter: 2000);

    private static List<(int[] Nodes, double Strength)> AllSimplePaths(PerspectiveView view, int target, int maxHops)
    {
        var found = new List<(int[], double)>();
        if (target != view.Viewer)
        {
            Walk([view.Viewer], 1.0);
        }

        return found;

        void Walk(List<int> path, double strength)
        {
            var at = path[^1];
            if (at == target)
            {
                found.Add(([.. path], strength));
                return;
            }

            if (path.Count > maxHops)
            {
                return;
            }

            foreach (var edge in view.TrustRow(at))
            {
                if (!path.Contains(edge.To))
                {
                    path.Add(edge.To);
                    Walk(path, strength * edge.Weight);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }
}
