using Rapport.Core.Dialogue;
using Rapport.Core.Invitations;
using Rapport.Core.People;
using Rapport.Core.Problems;

namespace Rapport.Core.Resolutions;

/// <summary>How a problem ended.</summary>
public enum ResolutionOutcome
{
    /// <summary>Solved, citing the contributions used: each cited contributor is credited.</summary>
    Resolved = 0,

    /// <summary>Ended without a solution; the summary says why.</summary>
    Closed = 1,
}

/// <summary>
/// How a problem ended: who ended it (the asker, or a host of its community), the outcome and a summary, and the
/// <see cref="Credit"/>s. A reopened problem keeps its earlier resolutions; the newest is the current one. Visible
/// exactly when its problem is (<see cref="ProblemAccess.Through{T}"/>).
/// </summary>
public sealed class Resolution
{
    public const int SummaryMaxLength = 4000;
    public const int MaxCredits = 50;

    public Guid Id { get; set; }

    public Guid ProblemId { get; set; }

    public Guid ResolvedById { get; set; }

    public ResolutionOutcome Outcome { get; set; }

    /// <summary>Markdown: what came out of it, or (closed) why it ended.</summary>
    public string Summary { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public Problem? Problem { get; set; }

    public Person? ResolvedBy { get; set; }

    public List<Credit> Credits { get; set; } = [];
}

/// <summary>
/// One person credited by a resolution, for exactly one thing: a cited <see cref="Contribution"/> (credited: its
/// author) or a referral (<see cref="InvitationId"/>: the invitation they referred onwards, in the chain that led to a
/// cited contributor; credited: that invitation's <see cref="Invitation.InvitedById"/> of the referral, i.e. the
/// referrer). A person's contribution ledger — what they gave, to whom, what it enabled — is a query over their credits
/// (joined to the resolution's problem, its asker and summary), filtered by <see cref="ProblemAccess"/>.
/// </summary>
public sealed class Credit
{
    public const int NoteMaxLength = 1000;

    public Guid Id { get; set; }

    public Guid ResolutionId { get; set; }

    public Guid CreditedPersonId { get; set; }

    /// <summary>The cited contribution; null for a referral credit.</summary>
    public Guid? ContributionId { get; set; }

    /// <summary>The referral invitation credited; null for a contribution credit.</summary>
    public Guid? InvitationId { get; set; }

    /// <summary>What it enabled, in the resolver's words; empty for nothing.</summary>
    public string Note { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public Person? CreditedPerson { get; set; }

    public Contribution? Contribution { get; set; }

    public Invitation? Invitation { get; set; }
}
