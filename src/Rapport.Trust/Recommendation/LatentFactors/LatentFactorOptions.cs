namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>
/// Hyper-parameters of the latent-factor recommenders (<see cref="TrustSvd"/>, <see cref="SvdPlusPlus"/>). The defaults
/// of each model (<see cref="TrustSvdDefaults"/>, <see cref="SvdPlusPlusDefaults"/>) were chosen on an inner validation
/// split of FilmTrust training data, never on test folds, starting from the paper's values; docs/recommendations.md
/// gives the grid and the scores.
/// </summary>
public sealed record LatentFactorOptions
{
    /// <summary>
    /// TrustSVD's defaults: weighted-λ regularisation λ = 0.9, λ_b = 0.3, λ_t = 0.9 (the paper's), λ_w = 2.7, and the
    /// mean of 3 models (seeds <see cref="Seed"/>, +1, +2).
    /// </summary>
    public static LatentFactorOptions TrustSvdDefaults { get; } = new() { EnsembleSize = 3 };

    /// <summary>SVD++'s defaults: one λ = 0.1 for everything, no trust, one model.</summary>
    public static LatentFactorOptions SvdPlusPlusDefaults { get; } = new()
    {
        Regularization = 0.1,
        BiasRegularization = 0.1,
        TrustRegularization = 0,
        WeightedRegularization = false,
    };

    /// <summary>Latent factors per user and item (d in the paper), default 40.</summary>
    public int Factors { get; init; } = 40;

    /// <summary>Passes over the training ratings, default 60.</summary>
    public int Epochs { get; init; } = 60;

    /// <summary>Step size of the first epoch, default 0.01.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Factor applied to the step size after each epoch, default 0.97 (1 keeps it constant).</summary>
    public double LearningRateDecay { get; init; } = 0.97;

    /// <summary>λ: regularisation of user and item factors, implicit-feedback factors y and trust factors w; default 0.9.</summary>
    public double Regularization { get; init; } = 0.9;

    /// <summary>λ_b: regularisation of user and item biases; default 0.3.</summary>
    public double BiasRegularization { get; init; } = 0.3;

    /// <summary>
    /// λ_w: regularisation of the trust factors w_v, weighted by |T⁺_v|^-½ like the others; default 2.7 (3 λ). The
    /// paper uses λ here; with λ the w_v fitted to the trustors' ratings made training unstable (one seed in four lost
    /// 0.01 RMSE on validation), and 3 λ validated best (docs/recommendations.md).
    /// </summary>
    public double TrustFactorRegularization { get; init; } = 2.7;

    /// <summary>λ_t: weight of the trust term (w_v·p_u − t_uv)² and of its regulariser on p_u; default 0.9. 0 turns trust off.</summary>
    public double TrustRegularization { get; init; } = 0.9;

    /// <summary>
    /// β of a social regulariser on the user factors (SocialMF, Jamali and Ester, RecSys 2010): each epoch p_u is
    /// pulled toward the mean p_v of the people u trusts, by the gradient of β/2 ‖p_u − mean_v p_v‖² weighted like the
    /// other user regularisers (1/√|I_u|), so it matters mostly for users with few ratings. Default 0 (off).
    /// </summary>
    public double SocialRegularization { get; init; }

    /// <summary>
    /// True (TrustSVD): each parameter's regulariser is divided by the square root of how many ratings (or trust edges)
    /// it appears in, so rarely seen users and items are held closer to zero. False (SVD++): one λ for all.
    /// </summary>
    public bool WeightedRegularization { get; init; } = true;

    /// <summary>Standard deviation of the initial factors, default 0.1.</summary>
    public double InitialScale { get; init; } = 0.1;

    /// <summary>
    /// Number of user blocks and item blocks of the stratified schedule, default 4. The result depends on it, not on
    /// the number of cores; the blocks of one stratum run in parallel.
    /// </summary>
    public int Blocks { get; init; } = 4;

    /// <summary>
    /// How many models to train, with seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, …, and average; default 1. Each
    /// costs a full training.
    /// </summary>
    public int EnsembleSize { get; init; } = 1;

    /// <summary>
    /// Users with fewer than this many training ratings start with p_u = 0 instead of random factors (their few ratings
    /// move p_u little in training, so a random start stays in their predictions as noise); the random numbers are
    /// still drawn, so every other row starts as without it. Default 0 (off: only users with no data start at 0).
    /// </summary>
    public int ZeroStartBelowRatings { get; init; }

    /// <summary>
    /// After training, users with fewer than this many training ratings get p_u solved exactly (one alternating
    /// least-squares step, the "fold-in" of a user): the minimiser of their rating, trust and regulariser terms with
    /// every other parameter fixed. Default 0 (off).
    /// </summary>
    public int FoldInBelowRatings { get; init; }

    /// <summary>
    /// c of a shrinkage of the trained user vector p_u + z_u by n/(n + c), n the user's training ratings plus the people
    /// they trust (when trust is on): the less data, the closer to 0. Default 0 (off).
    /// </summary>
    public double UserVectorShrinkage { get; init; }

    /// <summary>Seeds the initial factors, the block assignment and the order of the ratings.</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Factors, 1, nameof(Factors));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 0, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Blocks, 1, nameof(Blocks));
        ArgumentOutOfRangeException.ThrowIfLessThan(EnsembleSize, 1, nameof(EnsembleSize));
        ArgumentOutOfRangeException.ThrowIfNegative(ZeroStartBelowRatings, nameof(ZeroStartBelowRatings));
        ArgumentOutOfRangeException.ThrowIfNegative(FoldInBelowRatings, nameof(FoldInBelowRatings));
        if (!(LearningRate > 0) || !(LearningRateDecay is > 0 and <= 1) || !(Regularization >= 0) || !(BiasRegularization >= 0)
            || !(TrustRegularization >= 0) || !(TrustFactorRegularization >= 0) || !(InitialScale >= 0) || !(SocialRegularization >= 0)
            || !(UserVectorShrinkage >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), "The learning rate and its decay are positive (decay at most 1); regularisation and initial scale are not negative.");
        }
    }
}
