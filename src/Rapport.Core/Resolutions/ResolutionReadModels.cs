using Rapport.Core.Communities;

namespace Rapport.Core.Resolutions;

/// <summary>A resolution (or closing) of a problem with its credits, as the problem's viewers see it.</summary>
public sealed record ResolutionView(
    Guid Id,
    Guid ProblemId,
    ResolutionOutcome Outcome,
    string Summary,
    string SummaryHtml,
    PersonSummary ResolvedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CreditView> Credits);

/// <summary>What a credit was for.</summary>
public enum CreditKind
{
    /// <summary>A cited contribution (its author is credited).</summary>
    Contribution = 0,

    /// <summary>A referral in the invitation chain that led to a cited contributor (the referrer is credited).</summary>
    Referral = 1,
}

public sealed record CreditView(Guid Id, PersonSummary Person, CreditKind Kind, Guid? ContributionId, Guid? InvitationId);

/// <summary>What the resolver asks for: a summary, and (to resolve) the contributions it used.</summary>
public sealed record ResolutionInput(string? Summary, IReadOnlyList<Guid>? ContributionIds);
