namespace Rapport.Trust.Graph.Synthetic;

/// <summary>
/// Seeded Chung–Lu-style directed graphs with power-law degrees, for scale tests beyond the public trust graphs.
/// Node of rank r (0-based) has expected out- and in-degree proportional to (r + 1)^(−1/(γ−1)), so both degree
/// distributions follow P(k) ∝ k^−γ; hubs of both kinds coincide, as in trust networks where the trusted also trust.
/// Ranks are shuffled into node indices, so hubs are not clustered at low indices.
/// </summary>
public static class PowerLawGraph
{
    /// <summary>The degree exponent γ used unless told otherwise; social and trust graphs measure 2.1–2.5.</summary>
    public const double DefaultExponent = 2.3;

    private const int MaxRounds = 64;

    /// <summary>
    /// Exactly <paramref name="edgeCount"/> distinct edges, no self-loops, sorted by (from, to), weights in
    /// {0.1, 0.2, …, 1.0}; the same arguments always give the same graph. Memory: 8 bytes per edge of scratch besides the result.
    /// </summary>
    /// <exception cref="ArgumentException">The graph cannot hold that many distinct edges.</exception>
    public static StatementEdge[] Generate(int nodeCount, int edgeCount, int seed, double exponent = DefaultExponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(edgeCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(exponent, 2.0);
        if (edgeCount > (long)nodeCount * (nodeCount - 1) / 4)
        {
            throw new ArgumentException($"{edgeCount} edges would make {nodeCount} nodes too dense for a sparse power-law graph; use at most a quarter of n(n-1).");
        }

        var labels = new SeededRandom(SeededRandom.Derive(seed, 1)).Permutation(nodeCount);
        var ranks = new RankSampler(nodeCount, exponent);
        var random = new SeededRandom(SeededRandom.Derive(seed, 2));
        var keys = new long[edgeCount];
        var distinct = 0;
        for (var round = 0; distinct < edgeCount; round++)
        {
            if (round == MaxRounds)
            {
                throw new ArgumentException($"Only {distinct} distinct edges after {MaxRounds} rounds; lower the edge count or raise the node count.");
            }

            for (var i = distinct; i < edgeCount; i++)
            {
                int from, to;
                do
                {
                    from = labels[ranks.Sample(random)];
                    to = labels[ranks.Sample(random)];
                }
                while (from == to);
                keys[i] = ((long)from << 32) | (uint)to;
            }

            // Sorting makes the result independent of the order samples were drawn in, and finds duplicates.
            Array.Sort(keys);
            distinct = Deduplicate(keys);
        }

        return ToEdges(keys, SeededRandom.Derive(seed, 3));
    }

    private static int Deduplicate(long[] sorted)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var count = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[count - 1])
            {
                sorted[count++] = sorted[i];
            }
        }

        return count;
    }

    private static StatementEdge[] ToEdges(long[] keys, ulong weightSeed)
    {
        var edges = new StatementEdge[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            // The weight hangs on the edge itself, not on the draw that produced it.
            var weight = (float)((SeededRandom.Mix((ulong)key ^ weightSeed) % 10) + 1) / 10f;
            edges[i] = new StatementEdge((int)(key >> 32), (int)(uint)key, weight, TopicIndex.General, EdgeScope.Public);
        }

        return edges;
    }
}
