using System.Text.RegularExpressions;

namespace Rapport.Core.People;

/// <summary>The rules for a person's handle: 3–30 characters of a–z, 0–9 and underscore; case-insensitive; some words reserved.</summary>
public static partial class Handle
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "admin", "administrator", "api", "account", "accounts", "communities", "community", "edit", "help", "me",
        "new", "people", "profile", "rapport", "root", "settings", "support", "system", "developers", "join",
        "trust", "statements", "web", // /api/v1/trust/statements and /api/v1/trust/web sit beside /api/v1/trust/{handle}
    };

    /// <summary>Lower-cases and trims <paramref name="raw"/>; null when empty.</summary>
    public static string? Normalize(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? null : raw.Trim().TrimStart('@').ToLowerInvariant();

    /// <summary>Why <paramref name="normalized"/> cannot be a handle, or null when it can.</summary>
    public static string? Problem(string? normalized)
    {
        if (normalized is null)
        {
            return "Handle is required.";
        }

        if (normalized.Length is < Person.HandleMinLength or > Person.HandleMaxLength || !Pattern().IsMatch(normalized))
        {
            return $"Handle must be {Person.HandleMinLength}–{Person.HandleMaxLength} characters: letters a–z, digits and underscores.";
        }

        return Reserved.Contains(normalized) ? "That handle is reserved." : null;
    }

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
