using Rapport.Core.Outcomes;

namespace Rapport.Core.People;

/// <summary>Validation and clean-up of the profile's own fields. Field names are the API's.</summary>
internal static class ProfileRules
{
    public static string? DisplayName(string? raw, FieldErrors errors)
    {
        var name = raw?.Trim();
        errors.Required("displayName", name, "Display name").MaxLength("displayName", name, Person.DisplayNameMaxLength, "Display name");
        if (name is not null && HasControlCharacters(name))
        {
            errors.Add("displayName", "Display name cannot contain control characters.");
        }

        return name;
    }

    /// <summary>Line endings become <c>\n</c> first, so a browser's <c>\r\n</c> does not count twice against the limit.</summary>
    public static string Bio(string? raw, FieldErrors errors)
    {
        var bio = (raw ?? "").ReplaceLineEndings("\n").Trim();
        errors.MaxLength("bio", bio, Person.BioMaxLength, "Bio");
        return bio;
    }

    public static void Availability(Availability? availability, FieldErrors errors)
    {
        if (availability is not { } value || !Enum.IsDefined(value))
        {
            errors.Add("availability", "Availability must be available, busy or away.");
        }
    }

    public static void AttentionBudget(int? budget, FieldErrors errors)
    {
        if (budget is not (>= 0 and <= Person.MaxAttentionBudget))
        {
            errors.Add("attentionBudget", $"Attention budget must be a whole number of asks per week from 0 to {Person.MaxAttentionBudget}.");
        }
    }

    public static bool HasControlCharacters(string text) => text.Any(char.IsControl);
}
