using Rapport.Core.Communities;
using Rapport.Core.Problems;

namespace Rapport.Core.Invitations;

/// <summary>The problem an invitation is about, as its invitee or asker sees it.</summary>
public sealed record InvitedProblem(Guid Id, string Title, ProblemKind Kind, ProblemStatus Status, PersonSummary Author);

/// <summary>
/// An invitation as its invitee or the problem's asker sees it, with "why you". <c>Score</c> is the router's score (null
/// unless routed); <c>ReferredFromId</c> names the invitation it was referred from.
/// </summary>
public sealed record InvitationView(
    Guid Id,
    InvitedProblem Problem,
    PersonSummary Invitee,
    PersonSummary InvitedBy,
    InvitationSource Source,
    InvitationStatus Status,
    WhyYou Why,
    double? Score,
    Guid? ReferredFromId,
    string ResponseNote,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RespondedAt);

/// <summary>A page of invitations, newest first.</summary>
public sealed record InvitationPage(IReadOnlyList<InvitationView> Items, int Total, int Limit, int Offset);
