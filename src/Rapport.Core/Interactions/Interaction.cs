using Rapport.Core.People;
using Rapport.Core.Problems;

namespace Rapport.Core.Interactions;

/// <summary>What happened between two people.</summary>
public enum InteractionKind
{
    Asked = 0,
    Answered = 1,
    Recommended = 2,
    Thanked = 3,
    Agreed = 4,
    Delivered = 5,
    Reflected = 6,
    Introduced = 7,
    Invited = 8,
    Referred = 9,
    Credited = 10,
}

/// <summary>
/// An event from one person to another (asked, answered, thanked, agreed, delivered, …), the raw material of a
/// relationship and of routing's learning. Appended, never changed. Its two people see it; the problem it names is
/// shown only to those who may see that problem (<see cref="ProblemAccess"/>).
/// </summary>
public sealed class Interaction
{
    public Guid Id { get; set; }

    public Guid FromId { get; set; }

    public Guid ToId { get; set; }

    public InteractionKind Kind { get; set; }

    /// <summary>The problem it happened on; null for one outside any problem.</summary>
    public Guid? ProblemId { get; set; }

    /// <summary>The contribution it concerns (answered, thanked, credited); null otherwise.</summary>
    public Guid? ContributionId { get; set; }

    /// <summary>The agreement it concerns (agreed, delivered, reflected); null otherwise.</summary>
    public Guid? AgreementId { get; set; }

    /// <summary>The invitation it concerns (invited, referred); null otherwise.</summary>
    public Guid? InvitationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Person? From { get; set; }

    public Person? To { get; set; }

    public Problem? Problem { get; set; }
}
