using Rapport.Core.Communities;

namespace Rapport.Core.Offers;

/// <summary>
/// An offer as a signed-in person sees it. <c>DescriptionHtml</c> is the Markdown rendered and sanitized.
/// <c>CanAskAgain</c>: the viewer already has a relationship with its provider (<see cref="Relationships"/>) and the offer is active.
/// </summary>
public sealed record OfferView(
    Guid Id,
    PersonSummary Person,
    string Title,
    string Description,
    string DescriptionHtml,
    string ForWhom,
    string Place,
    IReadOnlyList<string> Topics,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt,
    bool IsMine,
    bool CanAskAgain);

/// <summary>What "ask again" made: the request problem and the invitation to the provider.</summary>
public sealed record AskedAgain(Guid ProblemId, Invitations.InvitationView Invitation);
