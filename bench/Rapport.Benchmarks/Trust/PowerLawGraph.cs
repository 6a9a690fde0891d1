using Rapport.Trust.Graph;

namespace Rapport.Benchmarks.Trust;

/// <summary>
/// A seeded Chung–Lu power-law graph: expected out- and in-degrees follow Zipf laws (exponent γ ≈ 2.1), with
/// independent orders, so hubs of trust and hubs of trusting differ. Values 0.1..1 in steps of 0.1; 5% distrust.
/// SplitMix64, so a seed gives the same graph on every runtime.
/// </summary>
internal static class PowerLawGraph
{
    internal static StatementEdge[] Generate(int nodeCount, int edgeCount, ulong seed)
    {
        var random = new SplitMix(seed);
        var outCumulative = Cumulative(nodeCount, ref random);
        var inCumulative = Cumulative(nodeCount, ref random);
        var edges = new StatementEdge[edgeCount];
        for (var i = 0; i < edgeCount; i++)
        {
            int from, to;
            do
            {
                from = Pick(outCumulative, random.NextDouble());
                to = Pick(inCumulative, random.NextDouble());
            }
            while (from == to);

            var value = (1 + (int)(random.NextDouble() * 10)) / 10f;
            value = Math.Min(value, 1f);
            if (random.NextDouble() < 0.05)
            {
                value = -value;
            }

            edges[i] = new StatementEdge(from, to, value, TopicIndex.General, EdgeScope.Public);
        }

        return edges;
    }

    private static double[] Cumulative(int nodeCount, ref SplitMix random)
    {
        // Zipf weights over a random permutation of the nodes.
        var order = new int[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            order[i] = i;
        }

        for (var i = nodeCount - 1; i > 0; i--)
        {
            var j = (int)(random.NextDouble() * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        var weights = new double[nodeCount];
        for (var rank = 0; rank < nodeCount; rank++)
        {
            weights[order[rank]] = Math.Pow(rank + 1, -1 / 1.1);
        }

        var cumulative = new double[nodeCount];
        var total = 0.0;
        for (var i = 0; i < nodeCount; i++)
        {
            total += weights[i];
            cumulative[i] = total;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            cumulative[i] /= total;
        }

        return cumulative;
    }

    private static int Pick(double[] cumulative, double u)
    {
        var index = Array.BinarySearch(cumulative, u);
        index = index >= 0 ? index : ~index;
        return Math.Min(index, cumulative.Length - 1);
    }

    internal struct SplitMix(ulong state)
    {
        private ulong state = state;

        internal ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        internal double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
    }
}
