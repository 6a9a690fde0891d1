using System.Globalization;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Trust.Recommendation;
using Rapport.Web.Trust.Pages;

namespace Rapport.Web.Recommendations.Pages;

/// <summary>
/// The words recommendation pages use: kinds, ratings, how sure a prediction is, how much you trust a recommender, who
/// may see something. Pages never show the feed's scores: a number that ranks people means nothing to a person.
/// </summary>
public static class RecommendationPageText
{
    public static string Kind(ItemKind kind) => kind switch
    {
        ItemKind.Link => "Link",
        ItemKind.Book => "Book",
        ItemKind.Video => "Video",
        ItemKind.Product => "Product",
        ItemKind.Service => "Service",
        ItemKind.Place => "Place",
        ItemKind.Person => "Person",
        ItemKind.Thought => "Thought",
        _ => kind.ToString(),
    };

    /// <summary>"rated it 4 of 5" or "endorsed it".</summary>
    public static string Verdict(int? rating) => rating is { } stars ? $"rated it {stars} of {Recommendation.MaxRating}" : "endorsed it";

    /// <summary>"4 of 5 stars" or "Endorsed".</summary>
    public static string Rating(int? rating) => rating is { } stars ? $"{stars} of {Recommendation.MaxRating} stars" : "Endorsed";

    /// <summary>How much the viewer trusts someone, as the rest of a sentence "whom you trust …".</summary>
    public static string TrustWords(TrustLevel? level) => level?.Name switch
    {
        "Completely" => "completely",
        "A lot" => "a lot",
        "Some" => "somewhat",
        _ => "",
    };

    /// <summary>"whom you trust a lot on cooking", "whom you trust" when the engine names no step.</summary>
    public static string Whom(TrustLevel? level, string? topic)
    {
        var how = TrustWords(level);
        return $"whom you trust{(how.Length == 0 ? "" : " " + how)}{(topic is null ? "" : " on " + topic)}";
    }

    /// <summary>"About 4.2 of 5", from the people you trust.</summary>
    public static string Predicted(RatingPrediction prediction) =>
        $"About {prediction.Rating.ToString("0.0", CultureInfo.InvariantCulture)} of {Recommendation.MaxRating}";

    /// <summary>How sure the prediction is, in words: agreement and how much trust stands behind it.</summary>
    public static string Confidence(RatingPrediction prediction)
    {
        var sure = prediction.Confidence switch
        {
            >= 0.66 => "fairly sure",
            >= 0.33 => "somewhat sure",
            _ => "unsure",
        };
        var raters = prediction.Raters == 1 ? "one rating" : $"{prediction.Raters} ratings";
        return $"{char.ToUpperInvariant(sure[0])}{sure[1..]}: from {raters} by people you trust.";
    }

    public static string Visibility(TrustVisibility visibility, TrustCommunity? community, bool lapsed) =>
        TrustPageText.Visibility(visibility, community, lapsed);

    public static string VisibilityChoice(TrustVisibility visibility) => visibility switch
    {
        TrustVisibility.Public => "Public: everyone signed in can see it",
        TrustVisibility.Community => "Community: only members of one of your communities",
        _ => "Private: only you; it counts for nobody else",
    };

    public static string Event(TrustStatementEvent happened) =>
        happened == TrustStatementEvent.Stated ? "Recommended" : TrustPageText.Event(happened);

    public static string Date(DateTimeOffset when) => TrustPageText.Date(when);

    public static string Link(string path, params (string Name, string? Value)[] query) => TrustPageText.Link(path, query);

    /// <summary>An offset from the query; a hand-edited one that is not a number is the first page.</summary>
    public static int Offset(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
