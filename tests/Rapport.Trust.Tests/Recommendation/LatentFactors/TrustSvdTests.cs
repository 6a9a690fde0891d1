using Rapport.Trust.Graph.Synthetic;
using Rapport.Trust.Recommendation;
using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Trust.Tests.Recommendation.LatentFactors;

public sealed class TrustSvdTests
{
    // Factors start at 0, so only the biases move: two users, each with one rating, global mean 3.
    private static readonly RatingMatrix TwoRatings = RatingsBuilder.Matrix(3, 3, (0, 0, 4), (1, 1, 2));

    private static readonly LatentFactorOptions BiasesOnly = new()
    {
        Factors = 1,
        InitialScale = 0,
        LearningRate = 0.1,
        LearningRateDecay = 0.5,
        BiasRegularization = 0.5,
        Epochs = 1,
    };

    [Fact]
    public void OneEpoch_MovesEachBiasByOneStepAgainstTheError()
    {
        // (0, 0): e = 3 − 4 = −1, so b_u0 = b_i0 = 0 − 0.1 · (−1 + 0.5 · 0) = 0.1; (1, 1): e = +1, b_u1 = b_i1 = −0.1.
        var model = TrustSvd.Train(TwoRatings, TrustNetwork.None(3), BiasesOnly, TestContext.Current.CancellationToken);

        Assert.Equal(3.2, model.Predict(0, 0)!.Value, 12);
        Assert.Equal(2.8, model.Predict(1, 1)!.Value, 12);
        Assert.Equal(3.0, model.Predict(0, 1)!.Value, 12);
    }

    [Fact]
    public void SecondEpoch_UsesTheDecayedRateAndTheWeightedRegulariser()
    {
        // Epoch 2 at rate 0.05: e = 3.2 − 4 = −0.8 and λ_b / √1 = 0.5, so b = 0.1 − 0.05 · (−0.8 + 0.5 · 0.1) = 0.1375.
        var model = TrustSvd.Train(TwoRatings, TrustNetwork.None(3), BiasesOnly with { Epochs = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(3 + 2 * 0.1375, model.Predict(0, 0)!.Value, 12);
    }

    [Fact]
    public void OneEpoch_OnOneRating_TakesTheHandDerivedStepOnFactorsAndImplicitFeedback()
    {
        // One user, one item, r = 4 = μ, one factor. The initial draws, in the trainer's order: p (user 0), w (user 0,
        // drawn but 0: nobody trusts them), q (item 0), y (item 0), each N(0, 0.1²) by Box–Muller.
        var random = new SeededRandom(SeededRandom.Derive(1, LatentFactorTrainer.InitPurpose));
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 0.1;
        var (p0, _, q0, y0) = (Normal(), Normal(), Normal(), Normal());
        const double rate = 0.1, lambda = 0.5;
        var options = new LatentFactorOptions
        {
            Factors = 1, Epochs = 1, LearningRate = rate, LearningRateDecay = 1, Regularization = lambda, BiasRegularization = lambda, Seed = 1,
        };

        var model = TrustSvd.Train(RatingsBuilder.Matrix(1, 1, (0, 0, 4)), TrustNetwork.None(1), options, TestContext.Current.CancellationToken);

        // z = |I_u|^-½ y = y0; e = μ + b_u + b_j + q (p + z) − r = q0 (p0 + y0); weighted λ / √1 = λ.
        var error = q0 * (p0 + y0);
        var p1 = p0 - rate * (error * q0 + lambda * p0);
        var q1 = q0 - rate * (error * (p0 + y0) + lambda * q0);
        // y's step: gradient |I_u|^-½ g_u = e q0, regulariser once for the one rating, proximally.
        var y1 = (y0 - rate * error * q0) / (1 + rate * lambda);
        Assert.Equal(-rate * error, model.Members[0].UserBias[0], 15);
        Assert.Equal(-rate * error, model.Members[0].ItemBias[0], 15);
        Assert.Equal(q1, model.Members[0].ItemFactors[0], 15);
        Assert.Equal(p1 + y1, model.Members[0].UserVector[0], 15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    public void OneEpoch_WithTrust_TakesTheHandDerivedStepsOfTheTrustTerm(double beta)
    {
        // User 0 rated item 0 (r = 4 = μ) and trusts users 1 and 2, who rated nothing. Initial draws, in the trainer's
        // order: p0, w0 (0: nobody trusts 0), p1 (0: no data), w1, p2 (0), w2, q0, y0.
        var random = new SeededRandom(SeededRandom.Derive(1, LatentFactorTrainer.InitPurpose));
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 0.1;
        var (p0, _, _, w1, _, w2, q0, y0) = (Normal(), Normal(), Normal(), Normal(), Normal(), Normal(), Normal(), Normal());
        const double rate = 0.1, lambda = 0.5, lambdaT = 0.9, lambdaW = 1.5;
        var options = new LatentFactorOptions
        {
            Factors = 1, Epochs = 1, LearningRate = rate, LearningRateDecay = 1, Regularization = lambda, BiasRegularization = lambda,
            TrustRegularization = lambdaT, TrustFactorRegularization = lambdaW, Seed = 1, SocialRegularization = beta,
        };

        var model = TrustSvd.Train(RatingsBuilder.Matrix(3, 1, (0, 0, 4)), TrustNetwork.Build(3, [(0, 1), (0, 2)]), options, TestContext.Current.CancellationToken);

        // z0 = |I_u|^-½ y0 + |T_u|^-½ (w1 + w2); e = q0 (p0 + z0); the rating step on p and q as without trust.
        var root2 = Math.Sqrt(2);
        var z0 = y0 + (w1 + w2) / root2;
        var error = q0 * (p0 + z0);
        var p1 = p0 - rate * (error * q0 + lambda * p0);
        var q1 = q0 - rate * (error * (p0 + z0) + lambda * q0);
        // Trust term on p: Σ_v (w_v p − 1) w_v, and λ_t |T_u|^-½ p once per trust edge (twice): λ_t √2 p in all.
        // Social term (β, |I_0| = 1): β (p − mean of the trustees' p), and the trustees' p are 0 (no data).
        var p2 = p1 - rate * lambdaT * ((w1 * p1 - 1) * w1 + (w2 * p1 - 1) * w2 + root2 * p1) - rate * beta * p1;
        var y1 = (y0 - rate * error * q0) / (1 + rate * lambda);
        // Each w_v: |T_u|^-½ g_u from the rating and λ_t (w_v p − 1) p from the trust term; λ_w |T⁺_v|^-½ once per rating of u.
        double Trustee(double w) => (w - rate * (error * q0 / root2 + lambdaT * (w * p2 - 1) * p2)) / (1 + rate * lambdaW);
        Assert.Equal(q1, model.Members[0].ItemFactors[0], 15);
        Assert.Equal(p2 + y1 + (Trustee(w1) + Trustee(w2)) / root2, model.Members[0].UserVector[0], 15);
        Assert.Equal(0, model.Members[0].UserVector[1]);
    }

    [Fact]
    public void AUserWithNoRatingsAndNoTrust_GetsTheMeanPlusTheItemBias()
    {
        var model = TrustSvd.Train(TwoRatings, TrustNetwork.None(3), BiasesOnly with { InitialScale = 0.1, Factors = 4 }, TestContext.Current.CancellationToken);

        Assert.Equal(3 + model.Members[0].ItemBias[0], model.Predict(2, 0)!.Value, 12);
        Assert.Equal(0, model.Members[0].UserBias[2]);
    }

    [Fact]
    public void Predict_IsClampedToTheTrainingRange()
    {
        var model = new LatentFactorModel(1, mean: 4.8, min: 1, max: 5, [0.5, -9], [0], [0, 0], [0]);

        Assert.Equal(5, model.Predict(0, 0));
        Assert.Equal(1, model.Predict(1, 0));
    }

    [Fact]
    public void Train_IsTheSameForTheSameSeed_AndDiffersForAnother()
    {
        var (ratings, trust) = RatingsBuilder.Random(60, 40, 12, seed: 3);
        var options = new LatentFactorOptions { Factors = 8, Epochs = 5 };

        var first = Predictions(TrustSvd.Train(ratings, trust, options, TestContext.Current.CancellationToken));
        var again = Predictions(TrustSvd.Train(ratings, trust, options, TestContext.Current.CancellationToken));
        var other = Predictions(TrustSvd.Train(ratings, trust, options with { Seed = 2 }, TestContext.Current.CancellationToken));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void AnEnsemble_AveragesModelsTrainedWithConsecutiveSeeds()
    {
        var (ratings, trust) = RatingsBuilder.Random(60, 40, 12, seed: 3);
        var options = new LatentFactorOptions { Factors = 8, Epochs = 5, Seed = 7 };

        var ensemble = TrustSvd.Train(ratings, trust, options with { EnsembleSize = 2 }, TestContext.Current.CancellationToken);
        var first = Predictions(TrustSvd.Train(ratings, trust, options, TestContext.Current.CancellationToken));
        var second = Predictions(TrustSvd.Train(ratings, trust, options with { Seed = 8 }, TestContext.Current.CancellationToken));

        Assert.Equal(2, ensemble.Members.Count);
        Assert.Equal(first.Zip(second, (a, b) => (a + b) / 2), Predictions(ensemble));
        Assert.Equal(3, LatentFactorOptions.TrustSvdDefaults.EnsembleSize);
    }

    [Fact]
    public void Trust_ChangesTheFactorsOfAUserWithoutRatings()
    {
        var (ratings, trust) = RatingsBuilder.Random(60, 40, 12, seed: 3);
        var withNewcomer = RatingMatrix.Build(61, 40, [.. Enumerable.Range(0, 60).SelectMany(u => ratings.ItemsOf(u).ToArray()
            .Select((item, k) => new Rating(u, item, ratings.ValuesOfUser(u)[k])))]);
        var trusting = TrustNetwork.Build(61, [(60, 0), (60, 1), (60, 2)]);
        var options = new LatentFactorOptions { Factors = 8, Epochs = 20 };

        var cold = TrustSvd.Train(withNewcomer, TrustNetwork.None(61), options, TestContext.Current.CancellationToken).Predict(60, 5);
        var trusted = TrustSvd.Train(withNewcomer, trusting, options, TestContext.Current.CancellationToken).Predict(60, 5);

        Assert.NotEqual(cold, trusted);
    }

    [Fact]
    public void SvdPlusPlus_FitsTheTrainingDataBetterThanTheGlobalMean()
    {
        var (ratings, _) = RatingsBuilder.Random(60, 40, 12, seed: 3);

        var model = SvdPlusPlus.Train(ratings, LatentFactorOptions.SvdPlusPlusDefaults with { Epochs = 30, Factors = 8 }, TestContext.Current.CancellationToken);

        Assert.True(TrainingRmse(model, ratings) < TrainingRmse(Baselines.GlobalAverage(ratings), ratings) - 0.1);
    }

    private static double[] Predictions(IRatingPredictor model) =>
        [.. Enumerable.Range(0, 60).SelectMany(u => Enumerable.Range(0, 40).Select(i => model.Predict(u, i)!.Value))];

    private static double TrainingRmse(IRatingPredictor model, RatingMatrix ratings)
    {
        double squared = 0;
        for (var u = 0; u < ratings.UserCount; u++)
        {
            var items = ratings.ItemsOf(u);
            for (var k = 0; k < items.Length; k++)
            {
                var error = model.Predict(u, items[k])!.Value - ratings.ValuesOfUser(u)[k];
                squared += error * error;
            }
        }

        return Math.Sqrt(squared / ratings.Count);
    }

    [Fact]
    public void SocialRegularization_PullsAUserWithoutRatingsTowardWhomTheyTrust()
    {
        // User 2 rated nothing and trusts user 0; the social term pulls p_2 toward p_0 (and is deterministic).
        var (ratings, _) = RatingsBuilder.Random(30, 20, 8, seed: 4);
        var rows = Enumerable.Range(0, ratings.UserCount).SelectMany(u => ratings.ItemsOf(u).ToArray().Select((i, at) => new Rating(u, i, ratings.ValuesOfUser(u)[at])))
            .Where(r => r.User != 2).ToArray();
        var training = RatingMatrix.Build(30, 20, rows);
        var trust = TrustNetwork.Build(30, [(2, 0)]);
        var options = new LatentFactorOptions { Factors = 4, Epochs = 30, TrustRegularization = 0.1 };
        double Distance(LatentFactorOptions o)
        {
            var model = TrustSvd.Train(training, trust, o, TestContext.Current.CancellationToken).Members[0];
            return Enumerable.Range(0, 4).Sum(f => Math.Pow(model.UserVector[(2 * 4) + f] - model.UserVector[f], 2));
        }

        var without = Distance(options);
        var with = Distance(options with { SocialRegularization = 5 });

        Assert.True(with < without, $"{with} < {without}");
        Assert.Equal(with, Distance(options with { SocialRegularization = 5 }));
    }
}
