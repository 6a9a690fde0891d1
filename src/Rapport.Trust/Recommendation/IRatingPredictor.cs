namespace Rapport.Trust.Recommendation;

/// <summary>A trained recommender: predicts how a user would rate an item.</summary>
public interface IRatingPredictor
{
    /// <summary>
    /// The predicted rating of <paramref name="item"/> by <paramref name="user"/>, within the training ratings' range,
    /// or null when the model has no basis for one (counted against its coverage).
    /// </summary>
    double? Predict(int user, int item);
}
