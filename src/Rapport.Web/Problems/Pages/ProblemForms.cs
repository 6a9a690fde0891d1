using Rapport.Core.Dialogue;
using Rapport.Core.Problems;

namespace Rapport.Web.Problems.Pages;

/// <summary>
/// A problem as the compose and edit forms post it; topics are one comma-separated line. <see cref="Action"/> is
/// <see cref="CheckSimilar"/> when the person asked to see similar problems first (nothing is posted then).
/// </summary>
public sealed class ProblemForm
{
    public const string CheckSimilar = "check";

    public ProblemKind? Kind { get; set; } = ProblemKind.Question;

    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? Topics { get; set; }

    public string? Place { get; set; }

    public ProblemVisibility? Visibility { get; set; } = ProblemVisibility.Public;

    public string? Community { get; set; }

    public string? Action { get; set; }

    public static ProblemForm From(ProblemView problem) => new()
    {
        Kind = problem.Summary.Kind,
        Title = problem.Summary.Title,
        Body = problem.Body,
        Topics = string.Join(", ", problem.Summary.Topics),
        Place = problem.Summary.Place,
        Visibility = problem.Summary.Visibility,
        Community = problem.Summary.Community?.Slug,
    };

    public ProblemInput ToInput() => new(
        Kind, Title, Body, (Topics ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Place,
        string.IsNullOrWhiteSpace(Community) ? null : Community, Visibility);
}

/// <summary>A contribution as the problem page's form posts it.</summary>
public sealed class ContributionForm
{
    public ContributionKind? Kind { get; set; } = ContributionKind.Reply;

    public string? Body { get; set; }

    public string? Url { get; set; }

    public string? PerspectiveName { get; set; }

    public Guid? ReplyTo { get; set; }

    public string? Quote { get; set; }

    public ContributionInput ToInput() => new(
        Kind, Body, Kind == ContributionKind.Artefact ? Url : null, Kind == ContributionKind.Perspective ? PerspectiveName : null, ReplyTo,
        string.IsNullOrWhiteSpace(Quote) ? null : Quote);
}
