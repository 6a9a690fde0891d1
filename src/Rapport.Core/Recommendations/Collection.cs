using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>
/// An ordered, titled list of items (a playlist, a pinboard), each with a note. Public or shared with one community;
/// who may see it is <see cref="CollectionAccess.CanSee"/>. Others may follow it and fork it; a fork remembers its
/// origin (<see cref="ForkedFromId"/>, cleared if the origin is deleted).
/// </summary>
public sealed class Collection
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int MaxEntries = 500;

    /// <summary>Collections one person may own.</summary>
    public const int MaxPerPerson = 500;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Plain text or Markdown, rendered sanitized.</summary>
    public string Description { get; set; } = "";

    /// <summary>Public or Community; a collection is made to be shared, so never Private.</summary>
    public TrustVisibility Visibility { get; set; }

    public Guid? CommunityId { get; set; }

    public Guid? ForkedFromId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public Person? Owner { get; set; }

    public Community? Community { get; set; }

    public List<CollectionEntry> Entries { get; set; } = [];

    public List<CollectionFollow> Follows { get; set; } = [];
}

/// <summary>An item in a collection, at <see cref="Position"/> (0-based, gap-free), with a note.</summary>
public sealed class CollectionEntry
{
    public const int NoteMaxLength = 1000;

    public Guid Id { get; set; }

    public Guid CollectionId { get; set; }

    public Guid ItemId { get; set; }

    public int Position { get; set; }

    public string Note { get; set; } = "";

    public DateTimeOffset AddedAt { get; set; }

    public Item? Item { get; set; }
}

/// <summary>A person following a collection.</summary>
public sealed class CollectionFollow
{
    public Guid CollectionId { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset At { get; set; }
}
