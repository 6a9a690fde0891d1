using Rapport.Trust.Graph;

namespace Rapport.Cli.Benchmarks;

/// <summary>The viewers a run asks for: distinct nodes that state trust in someone (out-degree ≥ 1), drawn by seed.</summary>
internal static class QuerySources
{
    /// <summary>Up to <paramref name="count"/> sources in random order; fewer when fewer nodes state trust.</summary>
    public static int[] Sample(int nodeCount, ReadOnlySpan<StatementEdge> edges, int count, int seed)
    {
        var states = new bool[nodeCount];
        foreach (var edge in edges)
        {
            states[edge.From] = true;
        }

        var eligible = new List<int>();
        for (var node = 0; node < nodeCount; node++)
        {
            if (states[node])
            {
                eligible.Add(node);
            }
        }

        // A partial Fisher-Yates shuffle: the first `take` places are a uniform sample without repetition.
        var random = new Random(seed);
        var take = Math.Min(count, eligible.Count);
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, eligible.Count);
            (eligible[i], eligible[j]) = (eligible[j], eligible[i]);
        }

        return [.. eligible.Take(take)];
    }
}
