namespace Rapport.Trust.Scoring;

/// <summary>
/// The tiers' stopping rules, chosen from grids measured on every real graph (Bitcoin OTC and Alpha, Advogato, wiki-Vote;
/// <c>trust-report variants</c> in bench/, its own viewers) as the setting meeting the tier's mean top-10 recall on all
/// of them with a margin at the lowest median cost; see docs/trust-engine.md. Both tiers rank by <see cref="PushEstimate"/> with the public prior at full weight.
/// Cheap: forward push at one per-degree residual threshold. High: forward push at a lower threshold, halved again (at
/// most twice) only while the 10th and 11th estimates are a near-tie (<see cref="ForwardPush.RunUntilSeparated"/>).
/// </summary>
internal static class PrecisionDefaults
{
    /// <summary>The cheap tier's forward push threshold ε.</summary>
    internal const float Cheap = 1e-3f;

    /// <summary>The high tier's first forward push threshold ε.</summary>
    internal const float High = 4e-5f;

    /// <summary>The high tier never pushes below this threshold (4e-5 halved twice): it bounds the hardest queries' work.</summary>
    internal const float HighFloor = 1e-5f;

    /// <summary>The high tier's threshold falls by this factor each further round.</summary>
    internal const float HighStep = 0.5f;

    /// <summary>The top k the high tier's stopping rule looks at: the top 10, what its recall target is about.</summary>
    internal const int HighTop = 10;

    /// <summary>
    /// The high tier pushes deeper while the 10th estimate leads the 11th by less than this share of the 10th: a near-tie
    /// at the boundary is where more push still changes the set.
    /// </summary>
    internal const float BoundaryGap = 0.05f;

    /// <summary>Weight of the public prior in the estimates (<see cref="PushEstimate"/>); 0 would make every estimate a lower bound.</summary>
    internal const float PriorWeight = 1;
}
