namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>
/// Hyper-parameters of the latent-factor recommenders (<see cref="TrustSvd"/>, <see cref="SvdPlusPlus"/>). The defaults
/// of each model (<see cref="TrustSvdDefaults"/>, <see cref="SvdPlusPlusDefaults"/>) were chosen on an inner validation
/// split of FilmTrust training data, never on test folds; docs/recommendations.md says how.
/// </summary>
public sealed record LatentFactorOptions
{
    /// <summary>TrustSVD's defaults: 10 factors, weighted-λ regularisation (Guo, Zhang and Yorke-Smith, AAAI 2015).</summary>
    public static LatentFactorOptions TrustSvdDefaults { get; } = new();

    /// <summary>SVD++'s defaults (Koren, KDD 2008): plain regularisation, no trust.</summary>
    public static LatentFactorOptions SvdPlusPlusDefaults { get; } = new()
    {
        Regularization = 0.1,
        BiasRegularization = 0.1,
        TrustRegularization = 0,
        WeightedRegularization = false,
    };

    /// <summary>Latent factors per user and item (d in the paper), default 10.</summary>
    public int Factors { get; init; } = 10;

    /// <summary>Passes over the training ratings, default 40.</summary>
    public int Epochs { get; init; } = 40;

    /// <summary>Step size of every update, default 0.005.</summary>
    public double LearningRate { get; init; } = 0.005;

    /// <summary>λ: regularisation of user and item factors, implicit-feedback factors y and trust factors w; default 1.2.</summary>
    public double Regularization { get; init; } = 1.2;

    /// <summary>Regularisation of user and item biases; default 1.2.</summary>
    public double BiasRegularization { get; init; } = 1.2;

    /// <summary>λ_t: weight of the trust term ‖w_v·p_u − t_uv‖² and its regulariser; default 0.9. 0 turns trust off.</summary>
    public double TrustRegularization { get; init; } = 0.9;

    /// <summary>
    /// True (TrustSVD): each parameter's regulariser is divided by the square root of how many ratings (or trust edges)
    /// it appears in, so rarely seen users and items are held closer to zero. False (SVD++): one λ for all.
    /// </summary>
    public bool WeightedRegularization { get; init; } = true;

    /// <summary>Standard deviation of the initial factors, default 0.1.</summary>
    public double InitialScale { get; init; } = 0.1;

    /// <summary>
    /// Number of user blocks and item blocks of the stratified schedule, default 4. The result depends on it, not on
    /// the number of cores; blocks of one stratum run in parallel.
    /// </summary>
    public int Blocks { get; init; } = 4;

    /// <summary>Seeds the initial factors, the block assignment and the order of the ratings.</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Factors, 1, nameof(Factors));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 0, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Blocks, 1, nameof(Blocks));
        if (!(LearningRate > 0) || !(Regularization >= 0) || !(BiasRegularization >= 0) || !(TrustRegularization >= 0) || !(InitialScale >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), "The learning rate is positive; regularisation and initial scale are not negative.");
        }
    }
}
