using Rapport.Core.Communities;
using Rapport.Core.Invitations;
using Rapport.Core.People;

namespace Rapport.Core.Problems;

/// <summary>
/// A question, problem, request or project a person brings, in its own context (topics, an optional place and
/// community), with a visibility and a lifecycle. Who may see it — and so its contributions, agreements, invitations
/// and resolutions — is <see cref="ProblemAccess.CanSee"/>. Status changes only through the methods below, which follow
/// <see cref="ProblemLifecycle"/> and refuse anything else with a named <see cref="ProblemRefusal"/>, changing nothing.
/// </summary>
public sealed class Problem
{
    public const int TitleMinLength = 3;
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20_000;
    public const int PlaceMaxLength = 200;
    public const int MaxTopics = 8;

    /// <summary>Problems one person may post in any 24 hours.</summary>
    public const int MaxPostedPerDay = 20;

    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public ProblemKind Kind { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Markdown, rendered with raw HTML disabled and then sanitized.</summary>
    public string Body { get; set; } = "";

    /// <summary>Free text ("Helsinki harbour"); empty for none.</summary>
    public string Place { get; set; } = "";

    /// <summary>The community it was posted in; required for <see cref="ProblemVisibility.Community"/>.</summary>
    public Guid? CommunityId { get; set; }

    public ProblemVisibility Visibility { get; set; }

    public ProblemStatus Status { get; private set; } = ProblemStatus.Open;

    /// <summary>The offer an "ask again" request was made from; null otherwise (and once the offer is deleted).</summary>
    public Guid? OfferId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the author last edited the title, body or context; null if never.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>When the first contribution by someone else arrived; kept through reopening.</summary>
    public DateTimeOffset? DialogueStartedAt { get; private set; }

    /// <summary>When <see cref="Status"/> last changed; set it to <see cref="CreatedAt"/> when posting.</summary>
    public DateTimeOffset StatusChangedAt { get; set; }

    public Person? Author { get; set; }

    public Community? Community { get; set; }

    public List<ProblemTopic> Topics { get; set; } = [];

    public List<Invitation> Invitations { get; set; } = [];

    public bool IsEnded => ProblemLifecycle.IsEnded(Status);

    /// <summary>Open → in dialogue, on the first contribution by someone other than the author.</summary>
    public ProblemRefusal? StartDialogue(DateTimeOffset now)
    {
        var refusal = Move(ProblemTransition.StartDialogue, ProblemStatus.InDialogue, now);
        if (refusal is null)
        {
            DialogueStartedAt ??= now;
        }

        return refusal;
    }

    /// <summary>→ agreed, when an agreement is confirmed by both sides.</summary>
    public ProblemRefusal? RecordAgreement(DateTimeOffset now) =>
        Move(ProblemTransition.RecordAgreement, ProblemStatus.Agreed, now);

    /// <summary>Agreed → delivered, when the last active agreement is delivered.</summary>
    public ProblemRefusal? RecordDelivery(DateTimeOffset now) =>
        Move(ProblemTransition.RecordDelivery, ProblemStatus.Delivered, now);

    /// <summary>Agreed → in dialogue, when the last active agreement is cancelled before delivery.</summary>
    public ProblemRefusal? ReturnToDialogue(DateTimeOffset now) =>
        Move(ProblemTransition.ReturnToDialogue, ProblemStatus.InDialogue, now);

    /// <summary>→ resolved; the caller records the <see cref="Resolutions.Resolution"/> and its credits.</summary>
    public ProblemRefusal? Resolve(DateTimeOffset now) =>
        Move(ProblemTransition.Resolve, ProblemStatus.Resolved, now);

    /// <summary>→ closed; the caller records the <see cref="Resolutions.Resolution"/> with the outcome text.</summary>
    public ProblemRefusal? Close(DateTimeOffset now) =>
        Move(ProblemTransition.Close, ProblemStatus.Closed, now);

    /// <summary>Resolved or closed → in dialogue (or open, if nobody else ever contributed).</summary>
    public ProblemRefusal? Reopen(DateTimeOffset now) =>
        Move(ProblemTransition.Reopen, DialogueStartedAt is null ? ProblemStatus.Open : ProblemStatus.InDialogue, now);

    private ProblemRefusal? Move(ProblemTransition transition, ProblemStatus to, DateTimeOffset now)
    {
        if (ProblemLifecycle.Refusal(Status, transition) is { } refusal)
        {
            return refusal;
        }

        Status = to;
        StatusChangedAt = now;
        return null;
    }
}

/// <summary>One topic of a problem, normalized by <see cref="Rapport.Trust.Topics.Topic.Normalize"/>.</summary>
public sealed class ProblemTopic
{
    public Guid ProblemId { get; set; }

    public string Topic { get; set; } = "";
}
