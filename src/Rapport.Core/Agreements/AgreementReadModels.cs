using Rapport.Core.Communities;

namespace Rapport.Core.Agreements;

/// <summary>An agreement as its problem's viewers see it, with what the viewer may do next.</summary>
public sealed record AgreementView(
    Guid Id,
    Guid ProblemId,
    PersonSummary Asker,
    PersonSummary Helper,
    Guid ProposedById,
    string Scope,
    string ScopeHtml,
    string Terms,
    string TermsHtml,
    decimal? PriceAmount,
    string? PriceCurrency,
    DateOnly? DueOn,
    AgreementStatus Status,
    DateTimeOffset? AskerConfirmedAt,
    DateTimeOffset? HelperConfirmedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ReflectionView> Reflections,
    AgreementMoves Moves);

/// <summary>One side's reflection after delivery.</summary>
public sealed record ReflectionView(Guid Id, PersonSummary Person, string Text, DateTimeOffset CreatedAt);

/// <summary>What the viewer may do with an agreement now (pages show only these buttons; the use cases check again).</summary>
public sealed record AgreementMoves(bool CanConfirm, bool CanDeliver, bool CanCancel, bool CanReflect);

/// <summary>
/// After the asker's reflection on a delivered agreement: the offer to state or raise trust in the helper on the
/// problem's topic, answered by the existing trust pages and use cases (<c>StateTrust</c>); nothing is stated here.
/// </summary>
public sealed record TrustOffer(string HelperHandle, string HelperDisplayName, string? Topic);

/// <summary>A written reflection, and (for the asker) the trust offer.</summary>
public sealed record Reflected(AgreementView Agreement, TrustOffer? TrustOffer);
