using System.ComponentModel.DataAnnotations;
using Rapport.Core.Agreements;
using Rapport.Core.Communities;

namespace Rapport.Web.Agreements;

/// <summary>A person as the agreement chain's answers name them.</summary>
public sealed record ChainPersonResponse(string Handle, string DisplayName)
{
    public static ChainPersonResponse From(PersonSummary p) => new(p.Handle, p.DisplayName);
}

/// <summary>Propose an agreement. The asker names the helper by handle; a helper proposing leaves it out.</summary>
public sealed record ProposeAgreementRequest(
    [property: MaxLength(Core.People.Person.HandleMaxLength)] string? Helper,
    [property: MaxLength(Agreement.ScopeMaxLength)] string? Scope,
    [property: MaxLength(Agreement.TermsMaxLength)] string? Terms,
    decimal? PriceAmount,
    [property: MaxLength(Agreement.CurrencyCodeLength)] string? PriceCurrency,
    [property: MaxLength(ProposeAgreementRequest.DateLength)] string? DueOn)
{
    /// <summary>An ISO 8601 date, yyyy-MM-dd.</summary>
    public const int DateLength = 10;

    /// <summary>The proposal; a due date that is not yyyy-MM-dd is left out (and named by <see cref="DueOnError"/>).</summary>
    public AgreementProposal ToProposal() => new(Helper, Scope, Terms, PriceAmount, PriceCurrency, ParsedDueOn);

    [System.Text.Json.Serialization.JsonIgnore]
    public string? DueOnError => DueOn is null || ParsedDueOn is not null ? null : "A due date is yyyy-MM-dd.";

    private DateOnly? ParsedDueOn =>
        DateOnly.TryParseExact(DueOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}

public sealed record ReflectRequest([property: MaxLength(Reflection.TextMaxLength)] string? Text);

public sealed record ReflectionResponse(Guid Id, ChainPersonResponse Person, string Text, DateTimeOffset CreatedAt);

public sealed record AgreementMovesResponse(bool CanConfirm, bool CanDeliver, bool CanCancel, bool CanReflect);

public sealed record AgreementResponse(
    Guid Id, Guid ProblemId, ChainPersonResponse Asker, ChainPersonResponse Helper, string ProposedBy, string Scope, string ScopeHtml,
    string Terms, string TermsHtml, decimal? PriceAmount, string? PriceCurrency, DateOnly? DueOn, AgreementStatus Status,
    DateTimeOffset? AskerConfirmedAt, DateTimeOffset? HelperConfirmedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? CancelledAt,
    DateTimeOffset CreatedAt, IReadOnlyList<ReflectionResponse> Reflections, AgreementMovesResponse Yours)
{
    public static AgreementResponse From(AgreementView a) => new(
        a.Id, a.ProblemId, ChainPersonResponse.From(a.Asker), ChainPersonResponse.From(a.Helper),
        a.ProposedById == a.Asker.Id ? "asker" : "helper", a.Scope, a.ScopeHtml, a.Terms, a.TermsHtml, a.PriceAmount, a.PriceCurrency, a.DueOn,
        a.Status, a.AskerConfirmedAt, a.HelperConfirmedAt, a.DeliveredAt, a.CancelledAt, a.CreatedAt,
        [.. a.Reflections.Select(r => new ReflectionResponse(r.Id, ChainPersonResponse.From(r.Person), r.Text, r.CreatedAt))],
        new AgreementMovesResponse(a.Moves.CanConfirm, a.Moves.CanDeliver, a.Moves.CanCancel, a.Moves.CanReflect));
}

/// <summary>The offer after the asker's reflection: state trust in the helper on the topic, at <see cref="Link"/> (the person's page).</summary>
public sealed record TrustOfferResponse(string Helper, string? Topic, string Link);

public sealed record ReflectedResponse(AgreementResponse Agreement, TrustOfferResponse? TrustOffer)
{
    public static ReflectedResponse From(Reflected r) => new(
        AgreementResponse.From(r.Agreement),
        r.TrustOffer is { } offer ? new TrustOfferResponse(offer.HelperHandle, offer.Topic, AgreementLinks.TrustOffer(offer)) : null);
}
