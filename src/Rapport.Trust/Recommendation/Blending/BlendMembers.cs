using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Trust.Recommendation.Blending;

/// <summary>
/// The models a <see cref="FeatureWeightedBlend"/> combines, trained on one rating matrix, and the blend's columns for
/// a (user, item) pair: every meta-feature of the user and item times every member's signal.
/// </summary>
/// <remarks>Not thread-safe (MoleTrust keeps the last user's propagation): ask for one user's items together.</remarks>
internal sealed class BlendMembers
{
    /// <summary>Damping of the item and user baselines (Koren, KDD 2008, §2.1: λ2 = 25, λ3 = 10).</summary>
    internal const double ItemDamping = 25;

    internal const double UserDamping = 10;

    /// <summary>Meta-features of a (user, item) pair: 1, cold, 1/√(1+n_u), ln(1+|T_u|), 1/√(1+n_j) (and 1/(1+n_u) with <see cref="BlendOptions.SmoothColdFeature"/>).</summary>
    internal const int FeatureCount = 5;

    /// <summary>
    /// Signals: factor model − μ, and relative to the factor model: user mean, item mean, damped baseline, MoleTrust
    /// (0 where it has none), whether MoleTrust has one, and 1.
    /// </summary>
    internal const int SignalCount = 7;

    /// <summary>
    /// Extra signals with <see cref="BlendOptions.TrustNeighbourhood"/>: the mean damped-baseline residual
    /// r_vj − (μ + b_v + b_j) of the people u trusts directly who rated j (0 for none), and ln(1 + their count).
    /// </summary>
    internal const int NeighbourhoodSignalCount = 2;

    /// <summary>Extra signal with <see cref="BlendOptions.UserBiasSignal"/>: the factor model's user bias b_u.</summary>
    internal const int UserBiasSignalCount = 1;

    /// <summary>Extra meta-feature with <see cref="BlendOptions.SmoothColdFeature"/>: 1/(1 + n_u).</summary>
    internal const int SmoothColdFeatureCount = 1;

    internal const int Columns = FeatureCount * SignalCount;

    private readonly RatingMatrix ratings;
    private readonly TrustNetwork trust;
    private readonly IRatingPredictor model;
    private readonly MoleTrustPredictor moleTrust;
    private readonly double[] userMean;
    private readonly double[] itemMean;
    private readonly double[] userOffset;
    private readonly double[] itemOffset;
    private readonly bool neighbourhood;
    private readonly double[]? userBias;
    private readonly bool smoothCold;

    private BlendMembers(RatingMatrix ratings, TrustNetwork trust, IRatingPredictor model, bool neighbourhood, bool userBiasSignal, bool smoothCold)
    {
        this.neighbourhood = neighbourhood;
        this.smoothCold = smoothCold;
        userBias = userBiasSignal ? UserBiasOf(model, ratings.UserCount) : null;
        this.ratings = ratings;
        this.trust = trust;
        this.model = model;
        moleTrust = new MoleTrustPredictor(ratings, trust);
        var mu = ratings.Mean;
        userMean = new double[ratings.UserCount];
        itemMean = new double[ratings.ItemCount];
        userOffset = new double[ratings.UserCount];
        itemOffset = new double[ratings.ItemCount];
        for (var j = 0; j < ratings.ItemCount; j++)
        {
            double sum = 0;
            foreach (var value in ratings.ValuesOfItem(j))
            {
                sum += value;
            }

            var n = ratings.ItemDegree(j);
            itemMean[j] = n == 0 ? mu : sum / n;
            itemOffset[j] = (sum - n * mu) / (n + ItemDamping);
        }

        for (var u = 0; u < ratings.UserCount; u++)
        {
            var items = ratings.ItemsOf(u);
            var values = ratings.ValuesOfUser(u);
            double sum = 0, residual = 0;
            for (var at = 0; at < items.Length; at++)
            {
                sum += values[at];
                residual += values[at] - mu - itemOffset[items[at]];
            }

            userMean[u] = items.IsEmpty ? mu : sum / items.Length;
            userOffset[u] = residual / (items.Length + UserDamping);
        }
    }

    /// <summary>The factor member (the ensemble as trained).</summary>
    public IRatingPredictor Model => model;

    /// <summary>Whether <paramref name="user"/> has fewer than <see cref="Baselines.ColdStartRatings"/> ratings here.</summary>
    public bool IsCold(int user) => ratings.UserDegree(user) < Baselines.ColdStartRatings;

    /// <summary>Columns of the design: every meta-feature times every signal.</summary>
    public int Width => FeaturesUsed * SignalsUsed;

    private int FeaturesUsed => FeatureCount + (smoothCold ? SmoothColdFeatureCount : 0);

    private int SignalsUsed => SignalCount + (neighbourhood ? NeighbourhoodSignalCount : 0) + (userBias is null ? 0 : UserBiasSignalCount);

    public static BlendMembers Train(RatingMatrix ratings, TrustNetwork trust, LatentFactorOptions options, BlendOptions blend, CancellationToken cancellationToken) =>
        Of(ratings, trust, TrustSvd.Train(ratings, trust, options, cancellationToken), blend.TrustNeighbourhood, blend.UserBiasSignal, blend.SmoothColdFeature);

    /// <summary>The members around a factor model already trained on <paramref name="ratings"/>.</summary>
    public static BlendMembers Of(
        RatingMatrix ratings, TrustNetwork trust, IRatingPredictor model, bool neighbourhood = false, bool userBiasSignal = false, bool smoothCold = false) =>
        new(ratings, trust, model, neighbourhood, userBiasSignal, smoothCold);

    /// <summary>b_u of a latent-factor model (the mean over an ensemble's members); 0 for any other predictor.</summary>
    internal static double[] UserBiasOf(IRatingPredictor model, int userCount)
    {
        var bias = new double[userCount];
        IReadOnlyList<LatentFactorModel> models = model switch
        {
            LatentFactorEnsemble ensemble => ensemble.Members,
            LatentFactorModel single => [single],
            _ => [],
        };
        foreach (var member in models)
        {
            for (var u = 0; u < userCount; u++)
            {
                bias[u] += member.UserBias[u] / models.Count;
            }
        }

        return bias;
    }

    /// <summary>
    /// The people <paramref name="user"/> trusts directly who rated <paramref name="item"/>: their mean damped-baseline
    /// residual r_vj − (μ + b_v + b_j) and their count (both sorted rows, merged).
    /// </summary>
    internal (double MeanResidual, int Count) TrusteesOnItem(int user, int item)
    {
        var trustees = trust.TrusteesOf(user);
        var raters = ratings.UsersOf(item);
        var values = ratings.ValuesOfItem(item);
        double sum = 0;
        var count = 0;
        for (int a = 0, b = 0; a < trustees.Length && b < raters.Length;)
        {
            if (trustees[a] < raters[b])
            {
                a++;
            }
            else if (trustees[a] > raters[b])
            {
                b++;
            }
            else
            {
                sum += values[b] - ratings.Mean - userOffset[raters[b]] - itemOffset[item];
                count++;
                a++;
                b++;
            }
        }

        return (count == 0 ? 0 : sum / count, count);
    }

    /// <summary>Writes the pair's <see cref="Width"/> columns into <paramref name="x"/>; returns the factor model's prediction.</summary>
    public double Fill(int user, int item, Span<double> x)
    {
        var mu = ratings.Mean;
        var factor = model.Predict(user, item)!.Value;
        var n = ratings.UserDegree(user);
        Span<double> features =
        [
            1,
            n < Baselines.ColdStartRatings ? 1 : 0,
            1 / Math.Sqrt(1 + n),
            Math.Log(1 + trust.TrusteesOf(user).Length),
            1 / Math.Sqrt(1 + ratings.ItemDegree(item)),
            1.0 / (1 + n),
        ];
        var trusted = moleTrust.Predict(user, item);
        var (residual, raters) = neighbourhood ? TrusteesOnItem(user, item) : (0, 0);
        Span<double> all =
        [
            factor - mu,
            userMean[user] - factor,
            itemMean[item] - factor,
            mu + userOffset[user] + itemOffset[item] - factor,
            trusted is { } t ? t - factor : 0,
            trusted is null ? 0 : 1,
            1,
            residual,
            Math.Log(1 + raters),
            userBias is null ? 0 : userBias[user],
        ];
        Span<double> signals = stackalloc double[SignalsUsed];
        all[..SignalCount].CopyTo(signals);
        if (neighbourhood)
        {
            all.Slice(SignalCount, NeighbourhoodSignalCount).CopyTo(signals[SignalCount..]);
        }

        if (userBias is not null)
        {
            signals[^1] = all[^1];
        }

        for (var f = 0; f < FeaturesUsed; f++)
        {
            for (var s = 0; s < signals.Length; s++)
            {
                x[f * signals.Length + s] = features[f] * signals[s];
            }
        }

        return factor;
    }
}
