using System.Globalization;
using Rapport.Core.Agreements;
using Rapport.Core.Problems;

namespace Rapport.Web.Agreements.Pages;

/// <summary>How the agreement chain's pages put things into words.</summary>
public static class AgreementText
{
    public static string Status(AgreementStatus status) => status switch
    {
        AgreementStatus.Proposed => "proposed, waiting for confirmation",
        AgreementStatus.Confirmed => "confirmed by both",
        AgreementStatus.Delivered => "delivered",
        AgreementStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };

    public static string Status(ProblemStatus status) => status switch
    {
        ProblemStatus.Open => "open",
        ProblemStatus.InDialogue => "in dialogue",
        ProblemStatus.Agreed => "agreed",
        ProblemStatus.Delivered => "delivered",
        ProblemStatus.Resolved => "resolved",
        ProblemStatus.Closed => "closed",
        _ => status.ToString(),
    };

    public static string Price(decimal? amount, string? currency) =>
        amount is { } a ? $"{a.ToString("0.00", CultureInfo.InvariantCulture)} {currency}" : "no price";

    public static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The message for a <c>?done=</c> step, or null.</summary>
    public static string? Done(string? step) => step switch
    {
        "proposed" => "Your proposal is sent; the other side confirms it.",
        "confirm" => "The agreement is confirmed by both of you.",
        "deliver" => "Marked delivered. Both of you can now write a short reflection.",
        "cancel" => "The agreement is cancelled.",
        "reflect" => "Your reflection is saved.",
        "resolved" => "The problem is resolved; everyone you cited is credited.",
        "closed" => "The problem is closed.",
        "reopened" => "The problem is open again; its earlier resolutions are kept.",
        _ => null,
    };
}
