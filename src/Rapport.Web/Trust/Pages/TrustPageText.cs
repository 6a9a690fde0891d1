using System.Globalization;
using Rapport.Core.Trust;

namespace Rapport.Web.Trust.Pages;

/// <summary>The words and numbers trust pages use: levels, topics, who may see a statement, what happened to it.</summary>
public static class TrustPageText
{
    /// <summary>A value as a number with two decimals, e.g. "0.60" or "-1.00".</summary>
    public static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A value as the form posts it back, so an unchanged value stays exactly what it was.</summary>
    public static string FormValue(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A value the form posted; null when it is not a number (the use case then says what is expected).</summary>
    public static double? ParseValue(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// "A lot (0.60)"; a value between two steps (set through the API, or computed along a path) reads "about A lot (0.45)".
    /// The engine works in single precision, so a step comes back as 0.6000000238: near enough is the step.
    /// </summary>
    public static string Level(double value)
    {
        var step = TrustLevel.Nearest(value);
        return Math.Abs(step.Value - value) < 1e-6 ? $"{step.Name} ({Number(value)})" : $"about {step.Name} ({Number(value)})";
    }

    /// <summary>The topic as a page shows it; general trust has none.</summary>
    public static string Topic(string? topic) => topic ?? "in general";

    public static string Visibility(TrustVisibility visibility, TrustCommunity? community, bool lapsed) => visibility switch
    {
        TrustVisibility.Public => "Everyone signed in",
        TrustVisibility.Community when lapsed => $"Only you, until you rejoin {community?.Name}",
        TrustVisibility.Community => $"Members of {community?.Name}",
        _ => "Only you",
    };

    public static string VisibilityChoice(TrustVisibility visibility) => visibility switch
    {
        TrustVisibility.Public => "Public: everyone signed in can see it, and it counts in their trust",
        TrustVisibility.Community => "Community: only members of one of your communities",
        _ => "Private: only you; it shapes nobody's view but yours",
    };

    public static string Event(TrustStatementEvent happened) => happened switch
    {
        TrustStatementEvent.Stated => "Stated",
        TrustStatementEvent.Changed => "Changed",
        TrustStatementEvent.Revoked => "Revoked",
        _ => happened.ToString(),
    };

    public static string Date(DateTimeOffset when) => when.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A link to a page with its query, leaving out empty values.</summary>
    public static string Link(string path, params (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join("&", parts)}";
    }

    /// <summary>
    /// How far someone is in the viewer's web, in words, from their score relative to the strongest one shown (a
    /// probability mass means nothing to a person, and the web is the viewer's own, so only the proportion is shown).
    /// </summary>
    public static string Reach(double score, double strongest) => (strongest <= 0 ? 0 : score / strongest) switch
    {
        >= 0.66 => "Close in your web",
        >= 0.33 => "Within reach",
        _ => "Further out",
    };
}
