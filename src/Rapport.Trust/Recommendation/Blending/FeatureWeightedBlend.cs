using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Trust.Recommendation.Blending;

/// <summary>
/// Feature-weighted linear stacking (Sill, Takács, Mackey and Lin, "Feature-Weighted Linear Stacking", 2009): the
/// prediction is the factor model's plus a linear correction whose weights depend on the user and item,
/// <code>r̂(u, j) = r̂_f(u, j) + Σ_k Σ_m w_km f_k(u, j) s_m(u, j)</code>
/// with meta-features f_k (1, cold-start, 1/√(1+n_u), ln(1+|T_u|), 1/√(1+n_j)) and signals s_m (the factor model's
/// deviation from μ, and the user mean, item mean, damped baseline and MoleTrust minus the factor model, MoleTrust's
/// presence, and 1). The weights are fitted by ridge regression on a holdout: a seeded part of the training ratings is
/// held out, the members are trained on the rest and predict it; then the members are trained again on all training
/// ratings and combined with those weights. With every weight 0 this is the factor model alone, which the ridge
/// penalty shrinks toward.
/// </summary>
public static class FeatureWeightedBlend
{
    private const ulong HoldoutPurpose = 0xB1E4D;

    private const ulong SimulatedColdPurpose = 0xC01D5;

    /// <summary>
    /// Trains the blend on <paramref name="training"/> and <paramref name="trust"/> (same user indices). When
    /// <paramref name="trained"/> is given it must be <c>TrustSvd.Train(training, trust, options.Model)</c> — the factor
    /// member on all training ratings, which is then not trained again (the same seed gives the same model).
    /// </summary>
    public static BlendedPredictor Train(
        RatingMatrix training, TrustNetwork trust, BlendOptions? options = null, LatentFactorEnsemble? trained = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(trust);
        options ??= BlendOptions.Default;
        options.Validate();
        if (trust.UserCount != training.UserCount)
        {
            throw new ArgumentException("The trust network and the ratings must share user indices.", nameof(trust));
        }

        var all = new Rating[training.Count];
        var at = 0;
        for (var u = 0; u < training.UserCount; u++)
        {
            var items = training.ItemsOf(u);
            var values = training.ValuesOfUser(u);
            for (var k = 0; k < items.Length; k++)
            {
                all[at++] = new Rating(u, items[k], values[k]);
            }
        }

        var part = CrossValidation.Folds(all.Length, options.HoldoutParts, unchecked((int)Graph.Synthetic.SeededRandom.Derive(options.Model.Seed, HoldoutPurpose)));
        if (options.SimulatedColdShare > 0)
        {
            SimulateColdStart(training, part, options.SimulatedColdShare, options.Model.Seed);
        }

        var holdoutModel = options.Model with { EnsembleSize = options.HoldoutEnsembleSize ?? options.Model.EnsembleSize };
        RidgeRegression? regression = null;
        RidgeRegression? coldRegression = null;
        double[] x = [];
        for (var rotation = 0; rotation < options.HoldoutRotations; rotation++)
        {
            var inner = RatingMatrix.Build(training.UserCount, training.ItemCount, [.. all.Where((_, i) => part[i] != rotation)]);
            var members = BlendMembers.Train(inner, trust, holdoutModel, options, cancellationToken);
            regression ??= new RidgeRegression(members.Width);
            coldRegression ??= options.ColdPenalty is null ? null : new RidgeRegression(members.Width);
            if (x.Length != members.Width)
            {
                x = new double[members.Width];
            }

            // all is in user order, so MoleTrust propagates once per user.
            for (var i = 0; i < all.Length; i++)
            {
                if (part[i] == rotation)
                {
                    var factor = members.Fill(all[i].User, all[i].Item, x);
                    regression.Add(x, all[i].Value - factor);
                    if (coldRegression is not null && members.IsCold(all[i].User))
                    {
                        coldRegression.Add(x, all[i].Value - factor);
                    }
                }
            }
        }

        var weights = regression!.Solve(options.Penalty);
        var coldWeights = coldRegression?.Solve(options.ColdPenalty!.Value);
        cancellationToken.ThrowIfCancellationRequested();
        var full = trained is null
            ? BlendMembers.Train(training, trust, options.Model, options, cancellationToken)
            : BlendMembers.Of(training, trust, trained, options.TrustNeighbourhood, options.UserBiasSignal, options.SmoothColdFeature);
        return new BlendedPredictor(full, weights, coldWeights, training.Min, training.Max);
    }

    /// <summary>
    /// Simulated cold start: a seeded <paramref name="share"/> of the users with at least 2 × the cold-start count of
    /// ratings keep a random k ∈ [0, cold-start count) of their ratings in the holdout members' training set (part ≠ 0)
    /// and give all the others to the holdout (part 0). <paramref name="part"/> is indexed like the ratings in user
    /// order and is changed in place.
    /// </summary>
    internal static void SimulateColdStart(RatingMatrix training, int[] part, double share, int seed)
    {
        var random = new Graph.Synthetic.SeededRandom(Graph.Synthetic.SeededRandom.Derive(seed, SimulatedColdPurpose));
        var start = 0;
        for (var u = 0; u < training.UserCount; u++)
        {
            var n = training.UserDegree(u);
            if (n >= 2 * Baselines.ColdStartRatings && random.NextDouble() < share)
            {
                var kept = random.Next(Baselines.ColdStartRatings);
                var order = random.Permutation(n);
                for (var rank = 0; rank < n; rank++)
                {
                    part[start + order[rank]] = rank < kept ? 1 : 0;
                }
            }

            start += n;
        }
    }
}

/// <summary>
/// A trained <see cref="FeatureWeightedBlend"/>. Not thread-safe (its MoleTrust member keeps the last user's
/// propagated trust): ask for one user's items together.
/// </summary>
public sealed class BlendedPredictor : IRatingPredictor
{
    private readonly BlendMembers members;
    private readonly double[] weights;
    private readonly double[]? coldWeights;
    private readonly double[] x;
    private readonly double min;
    private readonly double max;

    internal BlendedPredictor(BlendMembers members, double[] weights, double[]? coldWeights, double min, double max)
    {
        this.members = members;
        this.weights = weights;
        this.coldWeights = coldWeights;
        x = new double[members.Width];
        this.min = min;
        this.max = max;
    }

    /// <summary>The blend weights, meta-feature-major (w_km at k · signals + m).</summary>
    public IReadOnlyList<double> Weights => weights;

    /// <summary>The cold-start users' own weights (<see cref="BlendOptions.ColdPenalty"/>), or null.</summary>
    public IReadOnlyList<double>? ColdWeights => coldWeights;

    /// <summary>The factor member trained on all training ratings.</summary>
    public IRatingPredictor Model => members.Model;

    /// <inheritdoc />
    public double? Predict(int user, int item)
    {
        var prediction = members.Fill(user, item, x);
        var used = coldWeights is not null && members.IsCold(user) ? coldWeights : weights;
        for (var c = 0; c < used.Length; c++)
        {
            prediction += used[c] * x[c];
        }

        return Math.Clamp(prediction, min, max);
    }
}
