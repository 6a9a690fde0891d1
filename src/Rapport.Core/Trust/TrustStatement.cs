using Rapport.Core.Communities;
using Rapport.Core.People;

namespace Rapport.Core.Trust;

/// <summary>
/// "From trusts To (on Topic) this much": the current statement for one (from, to, topic). It keeps its id through
/// every change and through revocation; each change appends a <see cref="TrustStatementVersion"/>, so the whole history
/// stays. Who may see it is <see cref="TrustStatementAccess.CanSee"/>.
/// </summary>
public sealed class TrustStatement
{
    public const int NoteMaxLength = 2000;

    /// <summary>Current (not revoked) statements one person may hold.</summary>
    public const int MaxCurrentPerPerson = 5_000;

    /// <summary>Statements stated, changed or revoked by one person in any 24 hours.</summary>
    public const int MaxChangesPerDay = 200;

    /// <summary>The topic of trust stated without one. Stored as empty text so (from, to, topic) can be unique.</summary>
    public const string GeneralTopic = "";

    public Guid Id { get; set; }

    public Guid FromId { get; set; }

    public Guid ToId { get; set; }

    /// <summary>Normalized by <see cref="Rapport.Trust.Topics.Topic.Normalize"/>; <see cref="GeneralTopic"/> for none.</summary>
    public string Topic { get; set; } = GeneralTopic;

    /// <summary>In [-1, 1], never 0; negative is distrust. Stored as given (a double round-trips on both providers).</summary>
    public double Value { get; set; }

    public TrustVisibility Visibility { get; set; }

    /// <summary>The community that may see it when <see cref="Visibility"/> is <see cref="TrustVisibility.Community"/>, else null.</summary>
    public Guid? CommunityId { get; set; }

    /// <summary>Plain text or Markdown, rendered sanitized.</summary>
    public string Note { get; set; } = "";

    /// <summary>When it was first stated.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was last stated, changed or revoked.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Set while the statement is revoked; stating it again clears it.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Position of its latest change in the trust change log (<see cref="TrustChange.Sequence"/>).</summary>
    public long Sequence { get; set; }

    public Person? From { get; set; }

    public Person? To { get; set; }

    public Community? Community { get; set; }

    public List<TrustStatementVersion> Versions { get; set; } = [];

    public bool IsRevoked => RevokedAt is not null;
}
