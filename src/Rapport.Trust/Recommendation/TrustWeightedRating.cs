namespace Rapport.Trust.Recommendation;

/// <summary>One rating of an item by someone the viewer trusts, with the viewer's (propagated) trust in them.</summary>
public readonly record struct TrustedRating(double Trust, double Rating);

/// <summary>
/// A predicted rating for the viewer. <see cref="Confidence"/> in [0, 1) grows with the total trust behind the
/// prediction and falls as the trusted raters disagree; <see cref="Raters"/> and <see cref="TrustWeight"/> say how much
/// evidence there was.
/// </summary>
public readonly record struct RatingPrediction(double Rating, double Confidence, int Raters, double TrustWeight);

/// <summary>
/// The MoleTrust-style prediction (Massa and Avesani, RecSys 2007): the average of the ratings of trusted people,
/// each weighted by the viewer's trust in them. Only positive trust counts; distrusted or unknown raters add nothing.
/// </summary>
public static class TrustWeightedRating
{
    /// <summary>How much trust weight counts as "half sure": confidence is W / (W + this), before disagreement.</summary>
    public const double HalfConfidenceWeight = 1.0;

    /// <summary>The prediction from <paramref name="ratings"/>, or null when nobody with positive trust rated.</summary>
    /// <param name="ratings">Trusted ratings; trust ≤ 0 is ignored.</param>
    /// <param name="ratingSpan">Highest minus lowest possible rating (4 for 1–5 stars); scales disagreement.</param>
    public static RatingPrediction? Predict(ReadOnlySpan<TrustedRating> ratings, double ratingSpan = 4.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratingSpan);
        double weight = 0, weighted = 0;
        var raters = 0;
        foreach (var rating in ratings)
        {
            if (rating.Trust <= 0)
            {
                continue;
            }

            weight += rating.Trust;
            weighted += rating.Trust * rating.Rating;
            raters++;
        }

        if (raters == 0)
        {
            return null;
        }

        var mean = weighted / weight;
        double spread = 0;
        foreach (var rating in ratings)
        {
            if (rating.Trust > 0)
            {
                spread += rating.Trust * (rating.Rating - mean) * (rating.Rating - mean);
            }
        }

        // A weighted standard deviation of half the span is as much disagreement as ratings can show.
        var disagreement = Math.Min(1.0, Math.Sqrt(spread / weight) / (ratingSpan / 2));
        var confidence = weight / (weight + HalfConfidenceWeight) * (1 - disagreement);
        return new RatingPrediction(mean, confidence, raters, weight);
    }
}
