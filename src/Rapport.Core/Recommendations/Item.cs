using Rapport.Core.People;

namespace Rapport.Core.Recommendations;

/// <summary>What an item is.</summary>
public enum ItemKind
{
    Link = 0,
    Book = 1,
    Video = 2,
    Product = 3,
    Service = 4,
    Place = 5,
    Person = 6,
    Thought = 7,
}

/// <summary>
/// Something people recommend and collect. Items are public objects: a title or a URL is not private, and the same
/// canonical URL (<see cref="CanonicalUrl"/>) is one item. Who recommended an item is what privacy protects, through
/// <see cref="RecommendationAccess.CanSee"/>.
/// </summary>
public sealed class Item
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int MaxTopics = 8;

    /// <summary>Items one person may add in any 24 hours.</summary>
    public const int MaxCreatedPerDay = 100;

    public Guid Id { get; set; }

    public ItemKind Kind { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Plain text or Markdown, rendered sanitized.</summary>
    public string Description { get; set; } = "";

    /// <summary>Canonical (<see cref="CanonicalUrl.Canonicalize"/>) and unique; null for an item without one.</summary>
    public string? Url { get; set; }

    /// <summary>Who added it; null once their account is deleted (the item stays: others may recommend it).</summary>
    public Guid? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Person? CreatedBy { get; set; }

    public List<ItemTopic> Topics { get; set; } = [];
}

/// <summary>One topic of an item, normalized by <see cref="Rapport.Trust.Topics.Topic.Normalize"/>.</summary>
public sealed class ItemTopic
{
    public Guid ItemId { get; set; }

    public string Topic { get; set; } = "";
}
