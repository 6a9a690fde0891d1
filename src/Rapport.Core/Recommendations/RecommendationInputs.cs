using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>
/// An item as submitted: what it is (<c>Kind</c>), <c>Title</c>, optional <c>Description</c> (plain text or Markdown),
/// optional <c>Url</c> (http or https; the same canonical URL is one item) and up to <see cref="Item.MaxTopics"/> topics.
/// </summary>
public sealed record ItemInput(ItemKind? Kind, string? Title, string? Description, string? Url, IReadOnlyList<string>? Topics);

/// <summary>
/// A recommendation as submitted: <c>Rating</c> 1–5, or null to endorse; a <c>Note</c> ("I recommend it because…");
/// an optional <c>Topic</c>; who may see it (<c>Visibility</c>, with <c>Community</c>, the slug of a community the
/// author belongs to, for community visibility only).
/// </summary>
public sealed record RecommendationInput(int? Rating, string? Note, string? Topic, TrustVisibility? Visibility, string? Community);

/// <summary>A collection's title, description and audience (public, or community with its slug).</summary>
public sealed record CollectionInput(string? Title, string? Description, TrustVisibility? Visibility, string? Community);

/// <summary>Shared checks for the inputs above, adding messages keyed by the API's field names.</summary>
internal static class RecommendationRules
{
    /// <summary>Trimmed text with line endings as \n; an error when longer than <paramref name="max"/> or with control characters.</summary>
    public static string Text(string? raw, string field, string label, int max, FieldErrors errors, bool multiline = true)
    {
        var text = (raw ?? "").ReplaceLineEndings("\n").Trim();
        errors.MaxLength(field, text, max, label);
        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')))
        {
            errors.Add(field, $"{label} cannot contain control characters.");
        }

        return text;
    }

    /// <summary>The normalized topic, <see cref="Recommendation.NoTopic"/> for none, adding an error when a given one is not a topic.</summary>
    public static string Topic(string? raw, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Recommendation.NoTopic;
        }

        if (Rapport.Trust.Topics.Topic.Normalize(raw) is { } topic)
        {
            return topic;
        }

        errors.Add(field, $"A topic is at most {Rapport.Trust.Topics.Topic.MaxLength} characters, without control characters.");
        return Recommendation.NoTopic;
    }

    /// <summary>The community slug for a community audience (null otherwise), adding errors as <see cref="ValidTrustFields"/> does.</summary>
    public static string? Audience(TrustVisibility? visibility, string? community, FieldErrors errors, bool allowPrivate)
    {
        var slug = string.IsNullOrWhiteSpace(community) ? null : CommunitySlug.Normalize(community);
        switch (visibility)
        {
            case null:
            case { } v when !Enum.IsDefined(v):
            case TrustVisibility.Private when !allowPrivate:
                errors.Add("visibility", allowPrivate
                    ? "Choose who may see it: public, community or private."
                    : "Choose who may see it: public or community.");
                break;
            case TrustVisibility.Community when slug is null:
                errors.Add("community", "Name the community that may see it.");
                break;
            case TrustVisibility.Public or TrustVisibility.Private when !string.IsNullOrWhiteSpace(community):
                errors.Add("community", "Only something shared with a community names one.");
                break;
        }

        return visibility == TrustVisibility.Community ? slug : null;
    }

    public const string NotYourCommunity = "Choose a community you belong to.";
}
