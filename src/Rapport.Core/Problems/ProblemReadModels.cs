using Rapport.Core.Dialogue;
using Rapport.Core.Trust;

namespace Rapport.Core.Problems;

/// <summary>Someone taking part in a problem, as shown beside what they wrote.</summary>
public sealed record Participant(string Handle, string DisplayName);

/// <summary>A problem's place in a list: no body, no dialogue, just how many contributions.</summary>
public sealed record ProblemSummary(
    Guid Id,
    ProblemKind Kind,
    string Title,
    ProblemStatus Status,
    ProblemVisibility Visibility,
    Participant Author,
    TrustCommunity? Community,
    IReadOnlyList<string> Topics,
    string Place,
    int ContributionCount,
    DateTimeOffset CreatedAt,
    bool IsMine);

/// <summary>
/// A problem as its viewer sees it: the text (<see cref="BodyHtml"/> rendered and sanitized), its status, the dialogue
/// in thread order and the named perspectives. <see cref="Body"/> is the Markdown, for editing.
/// </summary>
public sealed record ProblemView(
    ProblemSummary Summary,
    string Body,
    string BodyHtml,
    DateTimeOffset? EditedAt,
    DateTimeOffset StatusChangedAt,
    IReadOnlyList<ContributionView> Dialogue,
    IReadOnlyList<PerspectiveView> Perspectives)
{
    public Guid Id => Summary.Id;

    public bool IsEnded => ProblemLifecycle.IsEnded(Summary.Status);
}

/// <summary>
/// One contribution in thread order: <see cref="Depth"/> 0 for a top-level one, one more per reply level (at most
/// <see cref="ContributionView.MaxDepth"/>, deeper replies stay at that indentation).
/// </summary>
public sealed record ContributionView(
    Guid Id,
    ContributionKind Kind,
    Participant Author,
    string Body,
    string BodyHtml,
    string? Url,
    string? PerspectiveName,
    Guid? ReplyToId,
    string QuotedText,
    int Depth,
    int ThanksCount,
    bool ThankedByMe,
    bool IsMine,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt)
{
    public const int MaxDepth = 6;
}

/// <summary>A named perspective and the contributions that state it, oldest first; all kept, none ranked above another.</summary>
public sealed record PerspectiveView(string Name, IReadOnlyList<Guid> ContributionIds, IReadOnlyList<Participant> People);
