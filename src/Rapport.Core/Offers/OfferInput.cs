using Rapport.Core.Outcomes;
using Rapport.Trust.Topics;

namespace Rapport.Core.Offers;

/// <summary>An offer as submitted: what (<c>Title</c>, <c>Description</c> in Markdown), for whom, where, on which topics, and whether it is active (default yes).</summary>
public sealed record OfferInput(string? Title, string? Description, string? ForWhom, string? Place, IReadOnlyList<string>? Topics, bool? IsActive);

/// <summary>The fields of an offer after validation: trimmed, topics normalized and distinct.</summary>
internal sealed record ValidOffer(string Title, string Description, string ForWhom, string Place, IReadOnlyList<string> Topics, bool IsActive)
{
    public static ValidOffer? Validate(OfferInput input, FieldErrors errors)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > Offer.TitleMaxLength)
        {
            errors.Add("title", $"Give the offer a title of at most {Offer.TitleMaxLength} characters.");
        }

        var description = Limit(input.Description, Offer.DescriptionMaxLength, "description", errors);
        var forWhom = Limit(input.ForWhom, Offer.ForWhomMaxLength, "forWhom", errors);
        var place = Limit(input.Place, Offer.PlaceMaxLength, "place", errors);
        var topics = new List<string>();
        foreach (var raw in input.Topics ?? [])
        {
            if (Topic.Normalize(raw) is { } topic)
            {
                if (!topics.Contains(topic, StringComparer.Ordinal))
                {
                    topics.Add(topic);
                }
            }
            else if (!string.IsNullOrWhiteSpace(raw))
            {
                errors.Add("topics", $"“{raw.Trim()}” is not a topic: use letters, digits and hyphens, at most {Topic.MaxLength} characters.");
            }
        }

        if (topics.Count > Offer.MaxTopics)
        {
            errors.Add("topics", $"An offer has at most {Offer.MaxTopics} topics.");
        }

        return errors.IsEmpty ? new ValidOffer(title, description, forWhom, place, topics, input.IsActive ?? true) : null;
    }

    private static string Limit(string? value, int max, string field, FieldErrors errors)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > max)
        {
            errors.Add(field, $"At most {max} characters.");
        }

        return trimmed;
    }

    public void ApplyTo(Offer offer, DateTimeOffset now)
    {
        offer.Title = Title;
        offer.Description = Description;
        offer.ForWhom = ForWhom;
        offer.Place = Place;
        offer.IsActive = IsActive;
        offer.ChangedAt = now;
        offer.Topics.RemoveAll(t => !Topics.Contains(t.Topic, StringComparer.Ordinal));
        offer.Topics.AddRange(Topics.Where(t => !offer.Topics.Any(o => o.Topic == t)).Select(t => new OfferTopic { Topic = t }));
    }
}
