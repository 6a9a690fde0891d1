using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Trust.Recommendation.Blending;

/// <summary>
/// Settings of <see cref="FeatureWeightedBlend"/>. The defaults were chosen on FilmTrust's inner validation split
/// (training folds only; docs/recommendations.md, fourth round).
/// </summary>
public sealed record BlendOptions
{
    // Declared first: static initialisers run in order, and Default's Model reads it.
    /// <summary>
    /// The blend's latent-factor member by default: TrustSVD's defaults with the factors of cold-start users (fewer than
    /// <see cref="Baselines.ColdStartRatings"/> training ratings) solved exactly after training
    /// (<see cref="LatentFactorOptions.FoldInBelowRatings"/>; chosen on inner validation, docs/recommendations.md, seventh round).
    /// </summary>
    public static LatentFactorOptions DefaultModel { get; } = LatentFactorOptions.TrustSvdDefaults with { FoldInBelowRatings = Baselines.ColdStartRatings };

    /// <summary>The defaults: <see cref="DefaultModel"/> for the factor model, a third of the training ratings held out.</summary>
    public static BlendOptions Default { get; } = new();

    /// <summary>The latent-factor member (<see cref="DefaultModel"/> by default; its <see cref="LatentFactorOptions.Seed"/> also seeds the holdout).</summary>
    public LatentFactorOptions Model { get; init; } = DefaultModel;

    /// <summary>
    /// Models averaged in the factor member trained for the holdout (null: the same as <see cref="Model"/>). Fewer
    /// makes the blend cheaper; the member refitted on all training ratings always has <see cref="Model"/>'s count.
    /// </summary>
    public int? HoldoutEnsembleSize { get; init; }

    /// <summary>The training ratings are dealt to this many parts; one part is the holdout the blend weights are fitted on. Default 3.</summary>
    public int HoldoutParts { get; init; } = 3;

    /// <summary>α of the ridge regression, per holdout rating: minimise mean squared error + α ‖w‖². Default 0.003.</summary>
    public double Penalty { get; init; } = 0.003;

    /// <summary>
    /// Adds the trust neighbourhood on the item as blend signals: the mean damped-baseline residual of the people the
    /// user trusts directly who rated it, and ln(1 + their count). Default false.
    /// </summary>
    public bool TrustNeighbourhood { get; init; }

    /// <summary>
    /// Simulated cold start in the holdout: this share of the users (seeded) with at least twice the cold-start count
    /// of ratings keep only a random 0–4 of their ratings for the holdout members; all their others go to the holdout,
    /// so the cold-start weights are fitted on more cold users. Default 0 (off).
    /// </summary>
    public double SimulatedColdShare { get; init; }

    /// <summary>
    /// Adds the meta-feature 1/(1 + n_u) (n_u: the user's training ratings), a smooth measure of how cold the user is
    /// that falls faster than 1/√(1 + n_u). Default false.
    /// </summary>
    public bool SmoothColdFeature { get; init; }

    /// <summary>Adds the factor model's user bias b_u as a blend signal. Default false.</summary>
    public bool UserBiasSignal { get; init; }

    /// <summary>
    /// Cross-fitting: this many of the <see cref="HoldoutParts"/> parts are, in turn, the holdout (members trained on
    /// the other parts); the weights are fitted on all their predictions together. Default 1.
    /// </summary>
    public int HoldoutRotations { get; init; } = 1;

    /// <summary>
    /// α of a separate ridge regression for cold-start users, fitted only on the holdout rows of users cold in the
    /// holdout members' training data and used for users cold in the full training data; null (default): one set of
    /// weights for everyone.
    /// </summary>
    public double? ColdPenalty { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model);
        ArgumentOutOfRangeException.ThrowIfLessThan(HoldoutParts, 2, nameof(HoldoutParts));
        ArgumentOutOfRangeException.ThrowIfLessThan(HoldoutRotations, 1, nameof(HoldoutRotations));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HoldoutRotations, HoldoutParts, nameof(HoldoutRotations));
        if (HoldoutEnsembleSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HoldoutEnsembleSize), "At least one model.");
        }

        if (!(SimulatedColdShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SimulatedColdShare), "A share in [0, 1].");
        }

        if (SimulatedColdShare > 0 && HoldoutRotations > 1)
        {
            throw new ArgumentException("Simulated cold start shapes the one holdout; it does not combine with rotations.", nameof(SimulatedColdShare));
        }

        if (ColdPenalty is { } cold && !(cold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ColdPenalty), "The ridge penalty must be positive.");
        }

        if (!(Penalty > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Penalty), "The ridge penalty must be positive.");
        }
    }
}
