using Rapport.Core.Recommendations;
using Rapport.Core.Trust;

namespace Rapport.Web.Recommendations.Pages;

/// <summary>Who may see what a form makes: the part <see cref="AudienceFields"/> edits.</summary>
public interface IAudienceForm
{
    TrustVisibility? Visibility { get; set; }

    string? Community { get; set; }
}

/// <summary>
/// A recommendation as the item page's form posts it. <see cref="Rating"/> is "1" to "5", or <see cref="Endorse"/>;
/// anything else is no choice, which the page reports beside the field. A community is sent only with community
/// visibility, as the trust forms do.
/// </summary>
public sealed class RecommendationForm : IAudienceForm
{
    public const string Endorse = "endorse";

    public string? Rating { get; set; }

    public string? Note { get; set; }

    public string? Topic { get; set; }

    public TrustVisibility? Visibility { get; set; } = TrustVisibility.Public;

    public string? Community { get; set; }

    public bool HasChoice => Rating == Endorse || Stars is not null;

    private int? Stars => int.TryParse(Rating, out var stars) && stars is >= Recommendation.MinRating and <= Recommendation.MaxRating ? stars : null;

    public static RecommendationForm From(RecommendationView recommendation) => new()
    {
        Rating = recommendation.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Endorse,
        Note = recommendation.Note,
        Topic = recommendation.Topic,
        Visibility = recommendation.Visibility,
        Community = recommendation.Community?.Slug,
    };

    public RecommendationInput ToInput() =>
        new(Stars, Note, Topic, Visibility, Visibility == TrustVisibility.Community ? Community : null);
}

/// <summary>An item as the "add an item" form posts it; topics are one comma-separated line.</summary>
public sealed class ItemForm
{
    public ItemKind? Kind { get; set; }

    public string? Title { get; set; }

    public string? Url { get; set; }

    public string? Description { get; set; }

    public string? Topics { get; set; }

    public ItemInput ToInput() => new(Kind, Title, Description, Url,
        (Topics ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A collection's title, description and audience as its forms post them.</summary>
public sealed class CollectionForm : IAudienceForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public TrustVisibility? Visibility { get; set; } = TrustVisibility.Public;

    public string? Community { get; set; }

    public static CollectionForm From(CollectionView collection) => new()
    {
        Title = collection.Title,
        Description = collection.Description,
        Visibility = collection.Visibility,
        Community = collection.Community?.Slug,
    };

    public CollectionInput ToInput() => new(Title, Description, Visibility, Visibility == TrustVisibility.Community ? Community : null);
}

/// <summary>The item page's "add to collection" form: which of your collections, and a note for the entry.</summary>
public sealed class CollectEntryForm
{
    public Guid? Collection { get; set; }

    public string? Note { get; set; }
}
