using System.ComponentModel.DataAnnotations;
using Rapport.Core.Communities;
using Rapport.Core.Dialogue;
using Rapport.Core.Problems;
using Rapport.Web.Trust;

namespace Rapport.Web.Problems;

/// <summary>
/// A problem: <c>kind</c> (question, problem, request, project), <c>title</c>, <c>body</c> (Markdown), <c>topics</c>,
/// optional <c>place</c>, <c>visibility</c> (public, community, invited: only the people invited and you) and
/// <c>community</c> (the slug of one you belong to; required for community visibility).
/// </summary>
public sealed record ProblemRequest(
    ProblemKind? Kind,
    [property: MaxLength(Problem.TitleMaxLength)] string? Title,
    [property: MaxLength(Problem.BodyMaxLength)] string? Body,
    [property: MaxLength(Problem.MaxTopics)] IReadOnlyList<string>? Topics,
    [property: MaxLength(Problem.PlaceMaxLength)] string? Place,
    [property: MaxLength(Community.SlugMaxLength)] string? Community,
    ProblemVisibility? Visibility)
{
    public ProblemInput ToInput() => new(Kind, Title, Body, Topics, Place, Community, Visibility);
}

/// <summary>
/// A contribution: <c>kind</c> (reply, proposal, artefact, perspective), <c>body</c> (Markdown; optional for an
/// artefact), <c>url</c> (an artefact's http(s) address), <c>perspectiveName</c> (a perspective's name), <c>replyTo</c>
/// (a contribution of the same problem) and <c>quote</c> (a passage of it, exactly as written).
/// </summary>
public sealed record ContributionRequest(
    ContributionKind? Kind,
    [property: MaxLength(Contribution.BodyMaxLength)] string? Body,
    [property: MaxLength(Contribution.UrlMaxLength)] string? Url,
    [property: MaxLength(Contribution.PerspectiveNameMaxLength)] string? PerspectiveName,
    Guid? ReplyTo,
    [property: MaxLength(Contribution.QuotedTextMaxLength)] string? Quote)
{
    public ContributionInput ToInput() => new(Kind, Body, Url, PerspectiveName, ReplyTo, Quote);
}

public sealed record ProblemSummaryResponse(
    Guid Id,
    ProblemKind Kind,
    string Title,
    ProblemStatus Status,
    ProblemVisibility Visibility,
    TrustPersonResponse Author,
    TrustCommunityResponse? Community,
    IReadOnlyList<string> Topics,
    string Place,
    int ContributionCount,
    DateTimeOffset CreatedAt)
{
    public static ProblemSummaryResponse From(ProblemSummary p) => new(
        p.Id, p.Kind, p.Title, p.Status, p.Visibility, Person(p.Author), TrustCommunityResponse.From(p.Community), p.Topics, p.Place,
        p.ContributionCount, p.CreatedAt);

    internal static TrustPersonResponse Person(Participant p) => new(p.Handle, p.DisplayName);
}

public sealed record ProblemPageResponse(IReadOnlyList<ProblemSummaryResponse> Items, int Total, int Offset, int Limit)
{
    public static ProblemPageResponse From(Page<ProblemSummary> page) =>
        new(page.Items.Select(ProblemSummaryResponse.From).ToList(), page.Total, page.Offset, page.Limit);
}

/// <summary>A problem found while composing; <c>relevance</c> is higher for closer matches (title words count double).</summary>
public sealed record SimilarProblemResponse(ProblemSummaryResponse Problem, int Relevance)
{
    public static SimilarProblemResponse From(SimilarProblem s) => new(ProblemSummaryResponse.From(s.Problem), s.Relevance);
}

/// <summary>
/// One contribution, in thread order: <c>depth</c> 0 for top level, one more per reply level (capped). <c>bodyHtml</c>
/// is rendered and sanitized.
/// </summary>
public sealed record ContributionResponse(
    Guid Id,
    ContributionKind Kind,
    TrustPersonResponse Author,
    string Body,
    string BodyHtml,
    string? Url,
    string? PerspectiveName,
    Guid? ReplyTo,
    string Quote,
    int Depth,
    int ThanksCount,
    bool ThankedByMe,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt)
{
    public static ContributionResponse From(ContributionView c) => new(
        c.Id, c.Kind, ProblemSummaryResponse.Person(c.Author), c.Body, c.BodyHtml, c.Url, c.PerspectiveName, c.ReplyToId, c.QuotedText,
        c.Depth, c.ThanksCount, c.ThankedByMe, c.CreatedAt, c.EditedAt);
}

/// <summary>A named perspective and the contributions stating it; every perspective is kept, none ranked.</summary>
public sealed record PerspectiveResponse(string Name, IReadOnlyList<Guid> Contributions, IReadOnlyList<TrustPersonResponse> People)
{
    public static PerspectiveResponse From(PerspectiveView p) =>
        new(p.Name, p.ContributionIds, p.People.Select(ProblemSummaryResponse.Person).ToList());
}

/// <summary>The dialogue of a problem: contributions in thread order and the named perspectives.</summary>
public sealed record DialogueResponse(IReadOnlyList<ContributionResponse> Contributions, IReadOnlyList<PerspectiveResponse> Perspectives)
{
    public static DialogueResponse From(ProblemView p) =>
        new(p.Dialogue.Select(ContributionResponse.From).ToList(), p.Perspectives.Select(PerspectiveResponse.From).ToList());
}

/// <summary>A problem with its text (<c>bodyHtml</c> rendered and sanitized) and its dialogue.</summary>
public sealed record ProblemResponse(
    ProblemSummaryResponse Problem,
    string Body,
    string BodyHtml,
    DateTimeOffset? EditedAt,
    DateTimeOffset StatusChangedAt,
    DialogueResponse Dialogue)
{
    public static ProblemResponse From(ProblemView p) => new(
        ProblemSummaryResponse.From(p.Summary), p.Body, p.BodyHtml, p.EditedAt, p.StatusChangedAt, DialogueResponse.From(p));
}

public sealed record ThanksResponse(Guid Contribution, int ThanksCount)
{
    public static ThanksResponse From(Thanked t) => new(t.ContributionId, t.ThanksCount);
}
