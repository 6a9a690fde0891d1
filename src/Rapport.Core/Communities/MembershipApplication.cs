using Rapport.Core.People;

namespace Rapport.Core.Communities;

/// <summary>A request to join a community that admits by application.</summary>
public sealed class MembershipApplication
{
    public const int AnswerMaxLength = 2000;
    public const int DecisionMessageMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    public Guid ApplicantId { get; set; }

    public ApplicationStatus Status { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedById { get; set; }

    /// <summary>The host's message to the applicant, shown with the decision.</summary>
    public string? DecisionMessage { get; set; }

    public List<ApplicationAnswer> Answers { get; set; } = [];

    public Community? Community { get; set; }

    public Person? Applicant { get; set; }
}
