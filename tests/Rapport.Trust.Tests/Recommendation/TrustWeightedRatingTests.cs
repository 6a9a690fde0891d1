using Rapport.Trust.Recommendation;

namespace Rapport.Trust.Tests.Recommendation;

public sealed class TrustWeightedRatingTests
{
    [Fact]
    public void Predict_WeighsEachRatingByTrust()
    {
        // (1·5 + 0.25·1) / 1.25 = 4.2; weighted variance = (1·0.64 + 0.25·10.24) / 1.25 = 2.56, deviation 1.6,
        // disagreement 1.6 / 2 = 0.8; confidence = 1.25 / 2.25 · 0.2.
        var prediction = TrustWeightedRating.Predict([new(1, 5), new(0.25, 1)]);

        Assert.NotNull(prediction);
        Assert.Equal(4.2, prediction.Value.Rating, 12);
        Assert.Equal(1.25 / 2.25 * 0.2, prediction.Value.Confidence, 12);
        Assert.Equal((2, 1.25), (prediction.Value.Raters, prediction.Value.TrustWeight));
    }

    [Fact]
    public void Predict_IgnoresDistrustedAndUntrustedRaters()
    {
        var prediction = TrustWeightedRating.Predict([new(0.6, 4), new(-1, 1), new(0, 2)]);

        Assert.Equal(new RatingPrediction(4, 0.6 / 1.6, 1, 0.6), prediction);
    }

    [Fact]
    public void Predict_WithoutTrustedRaters_IsNull()
    {
        Assert.Null(TrustWeightedRating.Predict([new(-0.5, 5)]));
        Assert.Null(TrustWeightedRating.Predict([]));
    }

    [Fact]
    public void Predict_AgreeingRatersAreSurerThanDisagreeingOnes_AndMoreTrustIsSurer()
    {
        var agree = TrustWeightedRating.Predict([new(1, 3), new(1, 3)])!.Value;
        var disagree = TrustWeightedRating.Predict([new(1, 1), new(1, 5)])!.Value;
        var lessTrust = TrustWeightedRating.Predict([new(0.5, 3), new(0.5, 3)])!.Value;

        Assert.Equal(3, disagree.Rating, 12);
        Assert.Equal(0, disagree.Confidence, 12);
        Assert.True(agree.Confidence > lessTrust.Confidence);
        Assert.InRange(agree.Confidence, 0, 1);
    }
}
