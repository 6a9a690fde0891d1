namespace Rapport.Trust.Scoring;

/// <summary>
/// The forward-push residual thresholds of the tiers. Chosen by measuring top-10 recall against exact PPR on the
/// real graphs (Bitcoin OTC and Alpha, Advogato, wiki-Vote) and seeded power-law graphs; see docs/trust-engine-notes.md.
/// </summary>
internal static class PrecisionDefaults
{
    internal const float Cheap = 5e-5f;

    internal const float High = 5e-6f;

    internal static float Threshold(PrecisionTier tier) => tier == PrecisionTier.Cheap ? Cheap : High;
}
