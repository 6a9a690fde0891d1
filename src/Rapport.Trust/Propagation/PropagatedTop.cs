using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Propagation;

/// <summary>
/// The last step of Appleseed, MoleTrust and TidalTrust queries, the same as personalized PageRank's: one-step
/// distrust (<see cref="OneStepDistrust"/>), then the best people first. Allocates nothing in steady state.
/// </summary>
internal static class PropagatedTop
{
    [ThreadStatic]
    private static float[]? factors;

    /// <summary>
    /// Scales every score by <paramref name="scale"/> (Appleseed's energy becomes a share of the injection), applies
    /// one-step distrust, drops people left with nothing and writes the best into <paramref name="into"/>.
    /// </summary>
    internal static int Write(in PerspectiveView view, Span<RankedNode> scored, float scale, Span<ScoredNode> into)
    {
        var factor = Factors(view.NodeCount);
        OneStepDistrust.Apply(view, factor);
        var kept = 0;
        foreach (var candidate in scored)
        {
            var score = candidate.Score * scale * factor[candidate.Node];
            if (score > 0)
            {
                scored[kept++] = candidate with { Score = score };
            }
        }

        OneStepDistrust.Restore(view, factor);
        return BestFirst.Write(scored[..kept], into);
    }

    // All ones between queries: Restore puts back exactly the entries Apply changed.
    private static float[] Factors(int nodeCount)
    {
        if (factors is null || factors.Length < nodeCount)
        {
            factors = new float[Math.Max(nodeCount, (factors?.Length ?? 0) * 2)];
            Array.Fill(factors, 1f);
        }

        return factors;
    }
}
