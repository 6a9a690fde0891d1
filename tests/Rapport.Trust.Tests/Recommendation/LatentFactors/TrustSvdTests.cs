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
    public void AUserWithNoRatingsAndNoTrust_GetsTheMeanPlusTheItemBias()
    {
        var model = TrustSvd.Train(TwoRatings, TrustNetwork.None(3), BiasesOnly with { InitialScale = 0.1, Factors = 4 }, TestContext.Current.CancellationToken);

        Assert.Equal(3 + model.ItemBias[0], model.Predict(2, 0)!.Value, 12);
        Assert.Equal(0, model.UserBias[2]);
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
}
