using Microsoft.AspNetCore.WebUtilities;
using Rapport.Core.Agreements;

namespace Rapport.Web.Agreements;

/// <summary>Where the agreement chain's pages live.</summary>
public static class AgreementLinks
{
    public static string Agreements(Guid problemId) => AgreementSteps.Link(problemId);

    /// <summary>The helper's page, its "state your trust" form prefilled with the problem's topic (the trust pages do the rest).</summary>
    public static string TrustOffer(TrustOffer offer) =>
        (offer.Topic is { } topic ? QueryHelpers.AddQueryString($"/people/{offer.HelperHandle}", "topic", topic) : $"/people/{offer.HelperHandle}") + "#your-trust";
}
