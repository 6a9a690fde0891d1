using Rapport.Core.People;

namespace Rapport.Core.Offers;

/// <summary>
/// What a person offers: what they do, for whom, where, on which topics. Someone already in a relationship with them
/// gets a one-tap "ask again" that creates a prefilled request <see cref="Problems.Problem"/> (its
/// <see cref="Problems.Problem.OfferId"/> names the offer) routed straight to the provider.
/// </summary>
public sealed class Offer
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 4000;
    public const int ForWhomMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int MaxTopics = 8;

    /// <summary>Active offers one person may have at once.</summary>
    public const int MaxActivePerPerson = 20;

    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";

    /// <summary>"Small boat owners"; empty for anyone.</summary>
    public string ForWhom { get; set; } = "";

    /// <summary>"Helsinki harbour"; empty for anywhere.</summary>
    public string Place { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public Person? Person { get; set; }

    public List<OfferTopic> Topics { get; set; } = [];
}

/// <summary>One topic of an offer, normalized by <see cref="Rapport.Trust.Topics.Topic.Normalize"/>.</summary>
public sealed class OfferTopic
{
    public Guid OfferId { get; set; }

    public string Topic { get; set; } = "";
}
