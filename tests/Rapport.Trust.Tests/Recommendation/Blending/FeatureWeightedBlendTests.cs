using Rapport.Trust.Recommendation;
using Rapport.Trust.Recommendation.Blending;
using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Trust.Tests.Recommendation.Blending;

public sealed class FeatureWeightedBlendTests
{
    private static readonly BlendOptions Small = new()
    {
        Model = LatentFactorOptions.TrustSvdDefaults with { Factors = 4, Epochs = 10, EnsembleSize = 2 },
    };

    [Fact]
    public void Members_WriteEveryFeatureTimesEverySignal()
    {
        // Ratings (μ = 3): user 0 rated item 0 → 4 and item 1 → 2; user 1 rated item 0 → 3. User 2 trusts user 0.
        var ratings = RatingsBuilder.Matrix(3, 2, (0, 0, 4), (0, 1, 2), (1, 0, 3));
        var trust = TrustNetwork.Build(3, [(2, 0)]);
        var members = BlendMembers.Of(ratings, trust, new Fixed(3.5));
        var x = new double[BlendMembers.Columns];

        var factor = members.Fill(2, 0, x);

        // Item 0: mean 3.5, damped offset (7 − 2 · 3) / (2 + 25). User 2: no ratings (mean μ, offset 0), cold, 1 trustee;
        // MoleTrust: user 0 rated item 0 → 4.
        var itemOffset = 1.0 / 27;
        double[] signals = [0.5, 3 - 3.5, 3.5 - 3.5, 3 + itemOffset - 3.5, 4 - 3.5, 1, 1];
        double[] features = [1, 1, 1, Math.Log(2), 1 / Math.Sqrt(3)];
        Assert.Equal(3.5, factor);
        for (var f = 0; f < BlendMembers.FeatureCount; f++)
        {
            for (var s = 0; s < BlendMembers.SignalCount; s++)
            {
                Assert.Equal(features[f] * signals[s], x[f * BlendMembers.SignalCount + s], 12);
            }
        }
    }

    [Fact]
    public void Members_TrustNeighbourhood_IsTheTrusteesMeanBaselineResidualAndTheirCount()
    {
        // μ = 3. Item 0: 4, 3 → b_0 = (7 − 6) / (2 + 25); item 1: 2 → b_1 = (2 − 3) / (1 + 25).
        // User 0: residuals (4 − 3 − b_0) + (2 − 3 − b_1) → b = that / (2 + 10); user 1: (3 − 3 − b_0) / (1 + 10).
        // User 2 trusts users 0 and 1 and has rated nothing.
        var ratings = RatingsBuilder.Matrix(3, 2, (0, 0, 4), (0, 1, 2), (1, 0, 3));
        var trust = TrustNetwork.Build(3, [(2, 0), (2, 1)]);
        var members = BlendMembers.Of(ratings, trust, new Fixed(3.5), neighbourhood: true);
        var item0 = 1.0 / 27;
        var item1 = -1.0 / 26;
        var user0 = ((4 - 3 - item0) + (2 - 3 - item1)) / 12;
        var user1 = (3 - 3 - item0) / 11;

        var onItem0 = members.TrusteesOnItem(2, 0);
        var onItem1 = members.TrusteesOnItem(2, 1);
        var x = new double[members.Width];
        members.Fill(2, 0, x);

        var expected = ((4 - 3 - user0 - item0) + (3 - 3 - user1 - item0)) / 2;
        Assert.Equal(2, onItem0.Count);
        Assert.Equal(expected, onItem0.MeanResidual, 12);
        Assert.Equal(1, onItem1.Count);
        Assert.Equal(2 - 3 - user0 - item1, onItem1.MeanResidual, 12);
        Assert.Equal((0, 0), members.TrusteesOnItem(0, 0));
        const int width = BlendMembers.SignalCount + BlendMembers.NeighbourhoodSignalCount;
        Assert.Equal(BlendMembers.FeatureCount * width, members.Width);
        double[] features = [1, 1, 1, Math.Log(3), 1 / Math.Sqrt(3)];
        for (var f = 0; f < BlendMembers.FeatureCount; f++)
        {
            Assert.Equal(features[f] * expected, x[f * width + BlendMembers.SignalCount], 12);
            Assert.Equal(features[f] * Math.Log(3), x[f * width + BlendMembers.SignalCount + 1], 12);
        }
    }

    [Fact]
    public void SimulateColdStart_LeavesChosenUsersFewerThanTheColdStartCount_AndOthersAlone()
    {
        // Users 0–9 have 12 ratings each, users 10–19 have 9 (below twice the cold-start count: never chosen).
        var list = new List<(int, int, float)>();
        for (var u = 0; u < 20; u++)
        {
            for (var i = 0; i < (u < 10 ? 12 : 9); i++)
            {
                list.Add((u, i, 1 + (u + i) % 5));
            }
        }

        var matrix = RatingsBuilder.Matrix(20, 12, [.. list]);
        var part = Enumerable.Range(0, matrix.Count).Select(i => 1 + i % 2).ToArray();
        var again = part.ToArray();

        FeatureWeightedBlend.SimulateColdStart(matrix, part, 1, 7);
        FeatureWeightedBlend.SimulateColdStart(matrix, again, 1, 7);

        Assert.Equal(part, again);
        for (var u = 0; u < 20; u++)
        {
            var rows = part.Skip(u < 10 ? u * 12 : 120 + (u - 10) * 9).Take(u < 10 ? 12 : 9).ToArray();
            if (u < 10)
            {
                Assert.InRange(rows.Count(p => p != 0), 0, Baselines.ColdStartRatings - 1);
                Assert.Equal(rows.Length, rows.Count(p => p is 0 or 1));
            }
            else
            {
                Assert.DoesNotContain(0, rows);
            }
        }
    }

    [Fact]
    public void Members_WithoutTrustedRaters_LeaveMoleTrustsColumnsAtZero()
    {
        var ratings = RatingsBuilder.Matrix(2, 1, (0, 0, 5), (1, 0, 1));
        var members = BlendMembers.Of(ratings, TrustNetwork.None(2), new Fixed(3));
        var x = new double[BlendMembers.Columns];

        members.Fill(0, 0, x);

        for (var f = 0; f < BlendMembers.FeatureCount; f++)
        {
            Assert.Equal(0, x[f * BlendMembers.SignalCount + 4]);
            Assert.Equal(0, x[f * BlendMembers.SignalCount + 5]);
        }

        // User 0 has one rating, so is cold: the cold feature is 1 and the user-mean signal is 5 − 3.
        Assert.Equal(2, x[(1 * BlendMembers.SignalCount) + 1]);
    }

    [Fact]
    public void SmoothColdFeature_AddsOneOverOnePlusTheUsersRatingsTimesEverySignal()
    {
        // User 0 has 2 ratings: the sixth feature is 1/3. Item 1: one rating (2); the factor model says 3.5.
        var ratings = RatingsBuilder.Matrix(3, 2, (0, 0, 4), (0, 1, 2), (1, 0, 3));
        var members = BlendMembers.Of(ratings, TrustNetwork.None(3), new Fixed(3.5), smoothCold: true);
        var plain = new double[BlendMembers.Columns];
        var x = new double[members.Width];

        BlendMembers.Of(ratings, TrustNetwork.None(3), new Fixed(3.5)).Fill(0, 1, plain);
        members.Fill(0, 1, x);

        Assert.Equal((BlendMembers.FeatureCount + BlendMembers.SmoothColdFeatureCount) * BlendMembers.SignalCount, members.Width);
        Assert.Equal(plain, x[..BlendMembers.Columns]);
        for (var s = 0; s < BlendMembers.SignalCount; s++)
        {
            Assert.Equal(plain[s] / 3, x[BlendMembers.Columns + s], 12);
        }

        Assert.Equal(2.0 - 3.5, x[BlendMembers.Columns + 2] * 3, 12);
    }

    [Fact]
    public void UserBiasSignal_IsTheEnsemblesMeanUserBias_AndZeroForOtherPredictors()
    {
        // Two one-factor models of 2 users and 1 item whose user biases are (1, 2) and (3, 0): the mean is (2, 1).
        static LatentFactorModel Model(double[] userBias) => new(1, 3, 1, 5, userBias, [0], [0, 0], [0]);
        var ensemble = new LatentFactorEnsemble([Model([1, 2]), Model([3, 0])]);
        var ratings = RatingsBuilder.Matrix(2, 1, (0, 0, 5), (1, 0, 1));

        var members = BlendMembers.Of(ratings, TrustNetwork.None(2), ensemble, userBiasSignal: true);
        var x = new double[members.Width];
        members.Fill(1, 0, x);

        Assert.Equal([2.0, 1.0], BlendMembers.UserBiasOf(ensemble, 2));
        Assert.Equal([0.0, 0.0], BlendMembers.UserBiasOf(new Fixed(3), 2));
        const int width = BlendMembers.SignalCount + BlendMembers.UserBiasSignalCount;
        Assert.Equal(BlendMembers.FeatureCount * width, members.Width);
        // User 1 has one rating: cold (feature 1 is 1) and 1/√2 (feature 2).
        Assert.Equal(1.0, x[width - 1]);
        Assert.Equal(1.0, x[width + width - 1]);
        Assert.Equal(1 / Math.Sqrt(2), x[2 * width + width - 1], 12);
    }

    [Fact]
    public void Train_WithEveryOption_IsDeterministic_AndHasAWeightPerFeatureAndSignal()
    {
        var (ratings, trust) = RatingsBuilder.Random(40, 30, 12, seed: 8);
        var options = Small with { TrustNeighbourhood = true, UserBiasSignal = true, HoldoutRotations = 3, ColdPenalty = 0.01 };
        var cancellationToken = TestContext.Current.CancellationToken;

        var first = FeatureWeightedBlend.Train(ratings, trust, options, cancellationToken: cancellationToken);
        var second = FeatureWeightedBlend.Train(ratings, trust, options, cancellationToken: cancellationToken);

        var signals = BlendMembers.SignalCount + BlendMembers.NeighbourhoodSignalCount + BlendMembers.UserBiasSignalCount;
        Assert.Equal(BlendMembers.FeatureCount * signals, first.Weights.Count);
        Assert.Equal(first.Weights, second.Weights);
        Assert.Contains(first.Weights, w => w != 0);
        for (var u = 0; u < 40; u++)
        {
            for (var i = 0; i < 30; i++)
            {
                Assert.Equal(first.Predict(u, i), second.Predict(u, i));
                Assert.InRange(first.Predict(u, i)!.Value, ratings.Min, ratings.Max);
            }
        }
    }

    [Fact]
    public void Train_SimulatedColdStartWithRotations_IsRejected()
    {
        var (ratings, trust) = RatingsBuilder.Random(10, 10, 4, seed: 3);

        Assert.Throws<ArgumentException>(() => FeatureWeightedBlend.Train(ratings, trust, Small with { SimulatedColdShare = 0.5, HoldoutRotations = 2 }, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ColdPenalty_GivesColdUsersTheirOwnWeights_AHugeOneLeavesThemTheFactorModel()
    {
        // Users 0–9 keep 2 of their ratings (cold), users 10–39 keep 8.
        var (full, trust) = RatingsBuilder.Random(40, 30, 8, seed: 9);
        var kept = new List<Rating>();
        for (var u = 0; u < full.UserCount; u++)
        {
            var items = full.ItemsOf(u);
            for (var k = 0; k < (u < 10 ? 2 : items.Length); k++)
            {
                kept.Add(new Rating(u, items[k], full.ValuesOfUser(u)[k]));
            }
        }

        var ratings = RatingMatrix.Build(40, 30, [.. kept]);
        var cancellationToken = TestContext.Current.CancellationToken;
        var model = TrustSvd.Train(ratings, trust, Small.Model, cancellationToken);

        var blend = FeatureWeightedBlend.Train(ratings, trust, Small with { ColdPenalty = 1e9 }, model, cancellationToken);
        var shared = FeatureWeightedBlend.Train(ratings, trust, Small, model, cancellationToken);

        Assert.NotNull(blend.ColdWeights);
        Assert.Null(shared.ColdWeights);
        Assert.Equal(shared.Weights, blend.Weights);
        Assert.All(blend.ColdWeights, w => Assert.InRange(w, -1e-6, 1e-6));
        for (var i = 0; i < 30; i++)
        {
            for (var u = 0; u < 40; u++)
            {
                var expected = u < 10 ? model.Predict(u, i)!.Value : shared.Predict(u, i)!.Value;
                Assert.Equal(expected, blend.Predict(u, i)!.Value, 5);
            }
        }
    }

    [Fact]
    public void Train_IsDeterministicForASeed_AndStaysInTheRatingRange()
    {
        var (ratings, trust) = RatingsBuilder.Random(40, 30, 8, seed: 5);
        var cancellationToken = TestContext.Current.CancellationToken;

        var first = FeatureWeightedBlend.Train(ratings, trust, Small, cancellationToken: cancellationToken);
        var second = FeatureWeightedBlend.Train(ratings, trust, Small, cancellationToken: cancellationToken);

        Assert.Equal(first.Weights, second.Weights);
        for (var u = 0; u < 40; u++)
        {
            for (var i = 0; i < 30; i++)
            {
                var prediction = first.Predict(u, i)!.Value;
                Assert.Equal(prediction, second.Predict(u, i)!.Value);
                Assert.InRange(prediction, ratings.Min, ratings.Max);
            }
        }
    }

    [Fact]
    public void Train_WithAHugePenalty_IsTheFactorModelAlone()
    {
        var (ratings, trust) = RatingsBuilder.Random(40, 30, 8, seed: 6);
        var cancellationToken = TestContext.Current.CancellationToken;
        var model = TrustSvd.Train(ratings, trust, Small.Model, cancellationToken);

        var blend = FeatureWeightedBlend.Train(ratings, trust, Small with { Penalty = 1e12 }, cancellationToken: cancellationToken);

        Assert.All(blend.Weights, w => Assert.Equal(0, w, 9));
        for (var u = 0; u < 40; u += 3)
        {
            for (var i = 0; i < 30; i += 2)
            {
                Assert.Equal(model.Predict(u, i)!.Value, blend.Predict(u, i)!.Value, 8);
            }
        }
    }

    [Fact]
    public void Train_WithTheFactorModelAlreadyTrained_GivesTheSameBlend()
    {
        var (ratings, trust) = RatingsBuilder.Random(40, 30, 8, seed: 7);
        var cancellationToken = TestContext.Current.CancellationToken;
        var trained = TrustSvd.Train(ratings, trust, Small.Model, cancellationToken);

        var reused = FeatureWeightedBlend.Train(ratings, trust, Small, trained, cancellationToken);
        var own = FeatureWeightedBlend.Train(ratings, trust, Small, cancellationToken: cancellationToken);

        Assert.Equal(own.Weights, reused.Weights);
        Assert.Equal(own.Predict(3, 4), reused.Predict(3, 4));
        Assert.Equal(own.Predict(17, 29), reused.Predict(17, 29));
    }

    [Fact]
    public void Train_LearnsACorrectionTheFactorModelMisses()
    {
        // Every rating is the item's mean exactly and the factor model is given as a constant 3: the blend must learn to
        // follow the item mean signal, so its error is far below the constant's.
        var ratings = new List<(int, int, float)>();
        for (var u = 0; u < 60; u++)
        {
            for (var i = u % 3; i < 12; i += 3)
            {
                ratings.Add((u, i, 1 + i % 5));
            }
        }

        var matrix = RatingsBuilder.Matrix(60, 12, [.. ratings]);
        var members = BlendMembers.Of(matrix, TrustNetwork.None(60), new Fixed(3));
        var regression = new RidgeRegression(BlendMembers.Columns);
        var x = new double[BlendMembers.Columns];
        foreach (var (u, i, r) in ratings)
        {
            var factor = members.Fill(u, i, x);
            regression.Add(x, r - factor);
        }

        var weights = regression.Solve(1e-6);
        double constant = 0, blended = 0;
        foreach (var (u, i, r) in ratings)
        {
            var fitted = members.Fill(u, i, x) + x.Select((value, c) => value * weights[c]).Sum();
            constant += (3 - r) * (3 - r);
            blended += (fitted - r) * (fitted - r);
        }

        Assert.True(blended < 0.01 * constant, $"blend {blended} vs constant {constant}");
    }

    private sealed class Fixed(double value) : IRatingPredictor
    {
        public double? Predict(int user, int item) => value;
    }
}
