using System.Text.RegularExpressions;

namespace Rapport.Core.Communities;

/// <summary>The rules for a community's address: 3–40 characters of a–z, 0–9 and inner hyphens; some words reserved.</summary>
public static partial class CommunitySlug
{
    // Words that are, or may become, page routes under /communities/.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "new", "edit", "api", "join", "search", "admin", "apply", "applications", "invitations", "members",
        "membership", "settings", "communities", "community", "rapport", "help", "about", "people",
    };

    /// <summary>Lower-cases and trims <paramref name="raw"/>; null when empty.</summary>
    public static string? Normalize(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? null : raw.Trim().ToLowerInvariant();

    /// <summary>Why <paramref name="normalized"/> cannot be a slug, or null when it can.</summary>
    public static string? Problem(string? normalized)
    {
        if (normalized is null)
        {
            return "Address is required.";
        }

        if (normalized.Length is < Community.SlugMinLength or > Community.SlugMaxLength || !Pattern().IsMatch(normalized))
        {
            return $"Address must be {Community.SlugMinLength}–{Community.SlugMaxLength} characters: letters a–z, digits and hyphens (not at either end).";
        }

        return Reserved.Contains(normalized) ? "That address is reserved." : null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
