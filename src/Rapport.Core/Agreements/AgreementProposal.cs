using System.Text.RegularExpressions;
using Rapport.Core.Outcomes;

namespace Rapport.Core.Agreements;

/// <summary>
/// What one side proposes: the helper (by handle; the proposer's own handle, or none, when the helper proposes), the
/// scope and terms (Markdown), an optional price (amount with an ISO 4217 currency, both or neither) and due date.
/// </summary>
public sealed record AgreementProposal(
    string? Helper, string? Scope, string? Terms, decimal? PriceAmount, string? PriceCurrency, DateOnly? DueOn);

internal sealed record ValidAgreementProposal(string? Helper, string Scope, string Terms, decimal? PriceAmount, string? PriceCurrency, DateOnly? DueOn);

internal static partial class ValidAgreement
{
    /// <summary>The largest price the column holds (precision 18, scale 2).</summary>
    private const decimal MaxPrice = 9_999_999_999_999_999.99m;

    public static ValidAgreementProposal? Validate(AgreementProposal input, FieldErrors errors)
    {
        var scope = input.Scope?.Trim() ?? "";
        var terms = input.Terms?.Trim() ?? "";
        errors.Required("scope", scope, "Scope")
            .MaxLength("scope", scope, Agreement.ScopeMaxLength, "Scope")
            .MaxLength("terms", terms, Agreement.TermsMaxLength, "Terms");
        var currency = string.IsNullOrWhiteSpace(input.PriceCurrency) ? null : input.PriceCurrency.Trim().ToUpperInvariant();
        if (input.PriceAmount is { } amount)
        {
            if (amount < 0 || amount > MaxPrice || decimal.Round(amount, Agreement.PriceScale) != amount)
            {
                errors.Add("priceAmount", $"A price is zero or more, with at most {Agreement.PriceScale} decimals.");
            }

            if (currency is null)
            {
                errors.Add("priceCurrency", "Give the price's currency as a three-letter code, like EUR.");
            }
        }
        else if (currency is not null)
        {
            errors.Add("priceAmount", "Give an amount with the currency, or leave both empty.");
        }

        if (currency is not null && !CurrencyCode().IsMatch(currency))
        {
            errors.Add("priceCurrency", "A currency is a three-letter code, like EUR.");
        }

        return errors.IsEmpty
            ? new ValidAgreementProposal(string.IsNullOrWhiteSpace(input.Helper) ? null : input.Helper.Trim().TrimStart('@'), scope, terms,
                input.PriceAmount, input.PriceAmount is null ? null : currency, input.DueOn)
            : null;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
