namespace Rapport.Core.Recommendations;

/// <summary>
/// One entry of the recommendation change log: "re-read <see cref="PersonId"/>'s recommendations". Every write that
/// changes a person's current recommendations (recommending, changing, revoking, importing, seeding, deleting the
/// account) appends one in its own transaction; every node's <see cref="RecommendationIndex"/> reads the entries after
/// its version before answering. Like <c>TrustChange</c>, an entry names what to look at again, never the new state,
/// so deletions need no tombstone and a replica that reads a later state than the entry describes is still right.
/// Numbered without gaps (<see cref="RecommendationChangeHead"/>) and pruned after
/// <see cref="RecommendationChangeLog.Retention"/>; a replica that finds its next entry pruned reloads everything.
/// </summary>
public sealed class RecommendationChange
{
    public long Sequence { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The one row holding the recommendation log's last position. Appending takes its row lock (PostgreSQL) or the write
/// lock (SQLite) until commit, so entries commit in sequence order and without gaps.
/// </summary>
public sealed class RecommendationChangeHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Sequence { get; set; }
}
