namespace Rapport.Core.Trust;

/// <summary>What happened to a statement at one point of its history.</summary>
public enum TrustStatementEvent
{
    /// <summary>Stated for the first time, or again after a revocation.</summary>
    Stated = 0,

    /// <summary>Value, visibility, community or note changed.</summary>
    Changed = 1,

    /// <summary>Taken back. The statement stays, with its history, visible to its author only.</summary>
    Revoked = 2,
}

/// <summary>
/// One entry of a statement's history, appended on every change and never altered: the statement as it stood from
/// <see cref="At"/>. Only the statement's author ever sees these (an earlier private version must not leak through a
/// later public one).
/// </summary>
public sealed class TrustStatementVersion
{
    /// <summary>The change-log position of this change; unique, and ordered as the changes happened.</summary>
    public long Sequence { get; set; }

    public Guid StatementId { get; set; }

    /// <summary>The statement's author, kept here so the daily change limit is one indexed count.</summary>
    public Guid AuthorId { get; set; }

    public TrustStatementEvent Event { get; set; }

    public double Value { get; set; }

    public TrustVisibility Visibility { get; set; }

    public Guid? CommunityId { get; set; }

    public string Note { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
