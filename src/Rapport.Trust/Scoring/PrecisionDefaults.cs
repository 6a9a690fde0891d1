namespace Rapport.Trust.Scoring;

/// <summary>
/// The tiers' stopping rules, chosen from one grid measured on every graph (Bitcoin OTC and Alpha, Advogato, wiki-Vote,
/// seeded power-law graphs) as the cheapest setting meeting the tier's mean top-10 recall on all of them; see
/// docs/trust-engine.md. Cheap: forward push at a per-degree residual threshold. High: PowerPush until the
/// residual mass left (scaled as the estimates are) is at most <see cref="HighResidualMass"/>.
/// </summary>
internal static class PrecisionDefaults
{
    internal const float Cheap = 5e-5f;

    /// <summary>The forward push threshold the high tier used before PowerPush (kept for explicit thresholds and comparisons).</summary>
    internal const float High = 5e-6f;

    /// <summary>λ of the high tier: PowerPush stops once the residual mass left is at most this.</summary>
    internal const float HighResidualMass = 0.1f;

    internal static float Threshold(PrecisionTier tier) => tier == PrecisionTier.Cheap ? Cheap : High;
}
