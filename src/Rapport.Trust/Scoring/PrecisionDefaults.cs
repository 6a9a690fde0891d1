namespace Rapport.Trust.Scoring;

/// <summary>
/// The tiers' stopping rules, chosen from one grid measured on every graph (Bitcoin OTC and Alpha, Advogato, wiki-Vote,
/// seeded power-law graphs) as the cheapest setting meeting the tier's mean top-10 recall on all of them with a margin;
/// see docs/trust-engine.md. Both tiers rank by <see cref="PushEstimate"/> with the public prior at full weight.
/// Cheap: forward push at one per-degree residual threshold. High: forward push from the cheap threshold down, halving
/// it while the head of the ranking still moves (<see cref="ForwardPush.RunUntilStable"/>).
/// </summary>
internal static class PrecisionDefaults
{
    /// <summary>The cheap tier's forward push threshold ε (and where the high tier starts).</summary>
    internal const float Cheap = 1e-3f;

    /// <summary>The high tier never pushes below this threshold (1e-3 halved five times is 3.1e-5, the last step).</summary>
    internal const float HighFloor = 2e-5f;

    /// <summary>The high tier's threshold falls by this factor each round.</summary>
    internal const float HighStep = 0.5f;

    /// <summary>The high tier stops once its best <see cref="StableHead"/> came out in the same order this many rounds running.</summary>
    internal const int StableRounds = 2;

    /// <summary>How much of the ranking's head the high tier watches.</summary>
    internal const int StableHead = 16;

    /// <summary>Weight of the public prior in the estimates (<see cref="PushEstimate"/>); 0 would make every estimate a lower bound.</summary>
    internal const float PriorWeight = 1;
}
