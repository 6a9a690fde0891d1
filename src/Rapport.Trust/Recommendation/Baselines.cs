namespace Rapport.Trust.Recommendation;

/// <summary>
/// The three averages every recommender must beat. Each predicts for everyone: a user or item without training
/// ratings gets the global mean.
/// </summary>
public static class Baselines
{
    /// <summary>Minimum ratings a user should have before their own data outweighs the crowd; below it a user is "cold".</summary>
    public const int ColdStartRatings = 5;

    /// <summary>The mean of all training ratings, for everyone.</summary>
    public static IRatingPredictor GlobalAverage(RatingMatrix training) => new Constant(training.Mean);

    /// <summary>The mean of the user's training ratings.</summary>
    public static IRatingPredictor UserAverage(RatingMatrix training) =>
        new PerIndex(Means(training.UserCount, training.ValuesOfUser, training.Mean), byUser: true);

    /// <summary>The mean of the item's training ratings.</summary>
    public static IRatingPredictor ItemAverage(RatingMatrix training) =>
        new PerIndex(Means(training.ItemCount, training.ValuesOfItem, training.Mean), byUser: false);

    private delegate ReadOnlySpan<float> Row(int index);

    private static double[] Means(int count, Row row, double fallback)
    {
        var means = new double[count];
        for (var i = 0; i < count; i++)
        {
            var values = row(i);
            double sum = 0;
            foreach (var value in values)
            {
                sum += value;
            }

            means[i] = values.IsEmpty ? fallback : sum / values.Length;
        }

        return means;
    }

    private sealed class Constant(double value) : IRatingPredictor
    {
        public double? Predict(int user, int item) => value;
    }

    private sealed class PerIndex(double[] means, bool byUser) : IRatingPredictor
    {
        public double? Predict(int user, int item) => means[byUser ? user : item];
    }
}
