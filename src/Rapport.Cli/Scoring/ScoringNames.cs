using Rapport.Trust.Scoring;

namespace Rapport.Cli.Scoring;

/// <summary>How algorithms and tiers are spelled in reports and options.</summary>
internal static class ScoringNames
{
    public static IReadOnlyList<TrustAlgorithm> Algorithms { get; } =
        [TrustAlgorithm.PersonalizedPageRank, TrustAlgorithm.Appleseed, TrustAlgorithm.MoleTrust, TrustAlgorithm.TidalTrust];

    public static string Of(TrustAlgorithm algorithm) => algorithm switch
    {
        TrustAlgorithm.PersonalizedPageRank => "ppr",
        TrustAlgorithm.Appleseed => "appleseed",
        TrustAlgorithm.MoleTrust => "moletrust",
        TrustAlgorithm.TidalTrust => "tidaltrust",
        _ => algorithm.ToString().ToLowerInvariant(),
    };

    public static string Of(PrecisionTier tier) => tier switch
    {
        PrecisionTier.Cheap => "cheap",
        PrecisionTier.High => "high",
        PrecisionTier.Exact => "exact",
        _ => tier.ToString().ToLowerInvariant(),
    };
}
