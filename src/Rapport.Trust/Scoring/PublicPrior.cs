using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// The PageRank vector of the public general trust layer (uniform teleport, dangling mass spread uniformly), computed once
/// per snapshot: the prior a push query spreads its un-pushed residual mass by. It reads public general statements only,
/// so no private or community statement can change it; it is an internal estimate, never exposed or shown as a ranking.
/// Teleport and dangling mass go to the people the public layer names (an edge in or out), not to every node: a node
/// exists as soon as anyone states anything about a person, privately too, so counting all nodes would let a private
/// statement about someone new shift everyone's prior (the canary probes caught exactly that).
/// </summary>
internal static class PublicPrior
{
    internal const float Alpha = 0.15f;

    /// <summary>Iterations stop once the l1 change is below this.</summary>
    internal const double Tolerance = 1e-6;

    internal static float[] Compute(DenseRows trust)
    {
        var n = trust.NodeCount;
        if (n == 0)
        {
            return [];
        }

        var start = trust.Start;
        var targets = trust.Targets;
        var values = trust.Values;
        var sums = trust.Sums!;
        var named = new bool[n];
        for (var u = 0; u < n; u++)
        {
            if (start[u] != start[u + 1])
            {
                named[u] = true;
                for (var i = start[u]; i < start[u + 1]; i++)
                {
                    named[targets[i]] = true;
                }
            }
        }

        var people = named.Count(static isNamed => isNamed);
        if (people == 0)
        {
            return new float[n];
        }

        var rank = new double[n];
        var next = new double[n];
        for (var u = 0; u < n; u++)
        {
            rank[u] = named[u] ? 1.0 / people : 0;
        }
        for (var iteration = 0; iteration < 200; iteration++)
        {
            double dangling = 0;
            Array.Clear(next);
            for (var u = 0; u < n; u++)
            {
                int begin = start[u], end = start[u + 1];
                if (begin == end)
                {
                    dangling += rank[u];
                    continue;
                }

                var share = (1 - Alpha) * rank[u] / sums[u];
                for (var i = begin; i < end; i++)
                {
                    next[targets[i]] += share * values[i];
                }
            }

            var uniform = (Alpha + ((1 - Alpha) * dangling)) / people;
            double change = 0;
            for (var u = 0; u < n; u++)
            {
                if (named[u])
                {
                    next[u] += uniform;
                }

                change += Math.Abs(next[u] - rank[u]);
            }

            (rank, next) = (next, rank);
            if (change < Tolerance)
            {
                break;
            }
        }

        var result = new float[n];
        for (var u = 0; u < n; u++)
        {
            result[u] = (float)rank[u];
        }

        return result;
    }
}
