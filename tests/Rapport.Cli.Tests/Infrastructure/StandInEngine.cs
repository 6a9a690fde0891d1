using System.Runtime.CompilerServices;
using Rapport.Cli.Scoring;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Tests.Infrastructure;

/// <summary>
/// A trust engine for testing the bench and eval harness while the real bodies are pending. It is NOT the engine: its
/// personalized PageRank is a plain power iteration (damping 0.85, dangling mass dropped, the definition the peers
/// compute), stopped after 3 iterations for the cheap tier, 40 for high and at convergence for exact, so recall,
/// peers and ratios have true answers to be checked against. Appleseed is a stand-in ranking by direct trust;
/// MoleTrust and TidalTrust are "not supported".
/// </summary>
internal sealed class StandInEngine
{
    private readonly ConditionalWeakTable<TrustSnapshot, Graph> _graphs = [];

    public int Builds { get; private set; }

    public TrustEngine Engine => new(Build, Top);

    /// <summary>An engine whose queries hit the contract's placeholder, as before the engine is merged.</summary>
    public static TrustEngine Pending { get; } = new((n, _) => TrustSnapshot.Build(n, [], 1), (_, _, _, _) => throw new NotImplementedException());

    /// <summary>An engine that ranks the highest node indices first (sybils come last, so it falls for every one).</summary>
    public static TrustEngine HighestIndicesFirst { get; } = new((n, _) => TrustSnapshot.Build(n, [], 1), (snapshot, viewer, _, into) =>
    {
        var count = 0;
        for (var node = snapshot.NodeCount - 1; node >= 0 && count < into.Length; node--)
        {
            if (node != viewer)
            {
                into[count++] = new ScoredNode(node, 1f / (count + 1));
            }
        }

        return count;
    });

    private TrustSnapshot Build(int nodeCount, StatementEdge[] edges)
    {
        Builds++;
        var snapshot = TrustSnapshot.Build(nodeCount, [], 1);
        _graphs.Add(snapshot, new Graph(nodeCount, edges));
        return snapshot;
    }

    private int Top(TrustSnapshot snapshot, int viewer, TrustQueryOptions options, Span<ScoredNode> into)
    {
        var graph = _graphs.TryGetValue(snapshot, out var g) ? g : throw new InvalidOperationException("Unknown snapshot.");
        var scores = options.Algorithm switch
        {
            TrustAlgorithm.PersonalizedPageRank => graph.PersonalizedPageRank(viewer, options.Tier switch
            {
                PrecisionTier.Cheap => 3,
                PrecisionTier.High => 40,
                _ => 1_000,
            }),
            TrustAlgorithm.Appleseed => graph.DirectTrust(viewer),
            _ => throw new NotSupportedException($"The stand-in does not offer {options.Algorithm}."),
        };
        scores[viewer] = 0;
        var best = Enumerable.Range(0, scores.Length).Where(n => scores[n] > 0)
            .OrderByDescending(n => scores[n]).ThenBy(n => n).Take(into.Length).ToArray();
        for (var i = 0; i < best.Length; i++)
        {
            into[i] = new ScoredNode(best[i], (float)scores[best[i]]);
        }

        return best.Length;
    }

    private sealed class Graph
    {
        private readonly List<(int To, double Share)>[] _out;

        public Graph(int nodeCount, StatementEdge[] edges)
        {
            _out = [.. Enumerable.Range(0, nodeCount).Select(_ => new List<(int, double)>())];
            var total = new double[nodeCount];
            foreach (var e in edges.Where(e => e.Value > 0))
            {
                total[e.From] += e.Value;
            }

            foreach (var e in edges.Where(e => e.Value > 0))
            {
                _out[e.From].Add((e.To, e.Value / total[e.From]));
            }
        }

        public double[] PersonalizedPageRank(int source, int iterations)
        {
            var x = new double[_out.Length];
            x[source] = 0.15;
            for (var i = 0; i < iterations; i++)
            {
                var next = new double[_out.Length];
                next[source] = 0.15;
                var change = 0.0;
                for (var u = 0; u < _out.Length; u++)
                {
                    foreach (var (to, share) in _out[u])
                    {
                        next[to] += 0.85 * x[u] * share;
                    }
                }

                for (var u = 0; u < _out.Length; u++)
                {
                    change += Math.Abs(next[u] - x[u]);
                }

                x = next;
                if (change < 1e-12)
                {
                    break;
                }
            }

            return x;
        }

        public double[] DirectTrust(int source)
        {
            var x = new double[_out.Length];
            foreach (var (to, share) in _out[source])
            {
                x[to] = share;
            }

            return x;
        }
    }
}
