using Rapport.Trust.Recommendation;

namespace Rapport.Trust.Tests.Recommendation;

public sealed class BaselinesTests
{
    // User 0: 4, 2; user 1: 5; user 2 rated nothing. Item 0: 4, 5; item 1: 2; item 2 unrated. Global mean 11 / 3.
    private static readonly RatingMatrix Ratings = RatingsBuilder.Matrix(3, 3, (0, 0, 4), (0, 1, 2), (1, 0, 5));

    [Fact]
    public void GlobalAverage_IsTheMeanOfAllRatings()
    {
        Assert.Equal(11.0 / 3, Baselines.GlobalAverage(Ratings).Predict(2, 2)!.Value, 12);
    }

    [Fact]
    public void UserAverage_IsTheUsersMean_AndTheGlobalMeanForAUserWithoutRatings()
    {
        var model = Baselines.UserAverage(Ratings);

        Assert.Equal(3.0, model.Predict(0, 2)!.Value, 12);
        Assert.Equal(5.0, model.Predict(1, 1)!.Value, 12);
        Assert.Equal(11.0 / 3, model.Predict(2, 0)!.Value, 12);
    }

    [Fact]
    public void ItemAverage_IsTheItemsMean_AndTheGlobalMeanForAnUnratedItem()
    {
        var model = Baselines.ItemAverage(Ratings);

        Assert.Equal(4.5, model.Predict(2, 0)!.Value, 12);
        Assert.Equal(2.0, model.Predict(1, 1)!.Value, 12);
        Assert.Equal(11.0 / 3, model.Predict(0, 2)!.Value, 12);
    }
}
