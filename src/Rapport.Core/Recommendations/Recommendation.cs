using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>
/// "Person recommends Item": a rating (1–5) or, without one, an endorsement, with a note and an optional topic. One
/// current per (person, item): recommending again changes it, keeping its id and appending a
/// <see cref="RecommendationVersion"/>; revoking keeps it, with its history, for its author only. Who may see it is
/// <see cref="RecommendationAccess.CanSee"/>, the same rule as for trust statements.
/// </summary>
public sealed class Recommendation
{
    public const int NoteMaxLength = 2000;
    public const int MinRating = 1;
    public const int MaxRating = 5;

    /// <summary>Recommendations made, changed or revoked by one person in any 24 hours.</summary>
    public const int MaxChangesPerDay = 200;

    /// <summary>Stored as empty text for none.</summary>
    public const string NoTopic = "";

    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid ItemId { get; set; }

    /// <summary>1–5; null for an endorsement (counts like a 4 in the feed).</summary>
    public int? Rating { get; set; }

    /// <summary>"I recommend it because…": plain text or Markdown, rendered sanitized.</summary>
    public string Note { get; set; } = "";

    /// <summary>Normalized by <see cref="Rapport.Trust.Topics.Topic.Normalize"/>; <see cref="NoTopic"/> for none.</summary>
    public string Topic { get; set; } = NoTopic;

    /// <summary>The same three audiences as trust statements.</summary>
    public TrustVisibility Visibility { get; set; }

    public Guid? CommunityId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Person? Person { get; set; }

    public Item? Item { get; set; }

    public Community? Community { get; set; }

    public List<RecommendationVersion> Versions { get; set; } = [];

    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>
/// One entry of a recommendation's history, appended on every change and never altered. Only its author reads these,
/// as with trust statements (an earlier private version must not leak through a later public one).
/// </summary>
public sealed class RecommendationVersion
{
    public Guid Id { get; set; }

    public Guid RecommendationId { get; set; }

    /// <summary>1 for the first version, then one more per change: the history's order, even for changes within one instant.</summary>
    public int Number { get; set; }

    /// <summary>Kept here so the daily limit is one indexed count.</summary>
    public Guid AuthorId { get; set; }

    public TrustStatementEvent Event { get; set; }

    public int? Rating { get; set; }

    public string Note { get; set; } = "";

    public string Topic { get; set; } = Recommendation.NoTopic;

    public TrustVisibility Visibility { get; set; }

    public Guid? CommunityId { get; set; }

    public DateTimeOffset At { get; set; }
}
