using System.ComponentModel.DataAnnotations;
using Rapport.Core.Communities;

namespace Rapport.Web.Communities;

/// <summary>One answer per question, in the order the community lists its questions.</summary>
public sealed record ApplyRequest([property: MaxLength(Community.MaxQuestions)] IReadOnlyList<string?>? Answers);

/// <summary>An optional message to the applicant, shown with the decision.</summary>
public sealed record DecisionRequest([property: MaxLength(MembershipApplication.DecisionMessageMaxLength)] string? Message);

public sealed record AnswerResponse(string Question, string Text);

public sealed record ApplicationResponse(
    Guid Id,
    string Community,
    PersonResponse Applicant,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<AnswerResponse> Answers,
    DateTimeOffset? DecidedAt,
    string? DecisionMessage)
{
    public static ApplicationResponse From(ApplicationView a) => new(
        a.Id, a.CommunitySlug, PersonResponse.From(a.Applicant), a.Status, a.SubmittedAt,
        a.Answers.Select(x => new AnswerResponse(x.Question, x.Text)).ToList(), a.DecidedAt, a.DecisionMessage);
}
