using Rapport.Core.People;
using Rapport.Core.Problems;

namespace Rapport.Core.Dialogue;

/// <summary>What a contribution to a problem's dialogue is.</summary>
public enum ContributionKind
{
    Reply = 0,

    /// <summary>A way to go about it, which may lead to an agreement.</summary>
    Proposal = 1,

    /// <summary>A link to something made or found (<see cref="Contribution.Url"/> is required).</summary>
    Artefact = 2,

    /// <summary>A named point of view (<see cref="Contribution.PerspectiveName"/> is required); kept visible, never voted away.</summary>
    Perspective = 3,
}

/// <summary>
/// A reply, proposal, artefact link or perspective in a problem's dialogue; it may reply to another contribution and
/// quote part of it. Visible exactly when its problem is (<see cref="ProblemAccess.Through{T}"/>). Resolutions cite
/// contributions, and each cited contributor is credited.
/// </summary>
public sealed class Contribution
{
    public const int BodyMaxLength = 20_000;
    public const int UrlMaxLength = 2048;
    public const int PerspectiveNameMaxLength = 80;
    public const int QuotedTextMaxLength = 1000;

    /// <summary>Contributions one person may post in any 24 hours.</summary>
    public const int MaxPostedPerDay = 200;

    public Guid Id { get; set; }

    public Guid ProblemId { get; set; }

    public Guid AuthorId { get; set; }

    public ContributionKind Kind { get; set; }

    /// <summary>Markdown, rendered with raw HTML disabled and then sanitized.</summary>
    public string Body { get; set; } = "";

    /// <summary>An absolute http(s) URL for an artefact; null otherwise.</summary>
    public string? Url { get; set; }

    /// <summary>The perspective's name ("the harbour master's view"); null unless a perspective.</summary>
    public string? PerspectiveName { get; set; }

    /// <summary>The contribution this one answers, in the same problem; null for a top-level one (or once that one is deleted).</summary>
    public Guid? ReplyToId { get; set; }

    /// <summary>The passage quoted from <see cref="ReplyToId"/>'s contribution; empty for none.</summary>
    public string QuotedText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public Problem? Problem { get; set; }

    public Person? Author { get; set; }

    public Contribution? ReplyTo { get; set; }

    public List<Thanks> Thanks { get; set; } = [];
}

/// <summary>A person thanks a contribution, once (unique pair); it records a <c>thanked</c> interaction.</summary>
public sealed class Thanks
{
    public Guid ContributionId { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Person? Person { get; set; }
}
