namespace Rapport.Core.Trust;

/// <summary>What a <see cref="TrustChange"/> asks a graph replica to read again.</summary>
public enum TrustChangeKind
{
    /// <summary>The statement (PersonId → OtherPersonId, Topic) was stated, changed, revoked or deleted.</summary>
    Statement = 0,

    /// <summary>PersonId joined or left CommunityId, so the scope of their statements shared with it may have changed.</summary>
    Membership = 1,
}

/// <summary>
/// One entry of the trust change log: every node's in-memory graph (<see cref="TrustGraphStore"/>) reads the entries after
/// its version and re-reads what they name. An entry says what to look at again, never what the new state is, so a
/// replica that reads a later state than the entry describes is still right, and deletions need no tombstone beyond the
/// entry itself. Entries are numbered without gaps (<see cref="TrustChangeHead"/>) and pruned after a retention period;
/// a replica that finds its next entry pruned rebuilds from the statements.
/// </summary>
public sealed class TrustChange
{
    public long Sequence { get; set; }

    public TrustChangeKind Kind { get; set; }

    /// <summary>The statement's author, or the member whose membership changed.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The person the statement is about (statement entries only).</summary>
    public Guid? OtherPersonId { get; set; }

    /// <summary>The statement's topic (statement entries only; empty for general trust).</summary>
    public string? Topic { get; set; }

    /// <summary>The community joined or left (membership entries only).</summary>
    public Guid? CommunityId { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The one row holding the log's last position. Appending takes its row lock (PostgreSQL) or the write lock (SQLite)
/// until commit, so entries commit in sequence order and without gaps: a reader that sees entry n has seen every entry
/// before it. Reading the head also tells a replica whether entries it has not seen were pruned.
/// </summary>
public sealed class TrustChangeHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Sequence { get; set; }
}
