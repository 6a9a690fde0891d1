using System.Globalization;
using Rapport.Core.People;

namespace Rapport.Web.People;

/// <summary>How people are shown on pages: initials, availability words, links to topics.</summary>
internal static class PersonDisplay
{
    /// <summary>Up to two initials (first and last word), whole characters even outside the BMP.</summary>
    public static string Initials(string displayName)
    {
        var words = displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => "?",
            1 => FirstLetter(words[0]),
            _ => FirstLetter(words[0]) + FirstLetter(words[^1]),
        };
    }

    public static string AvailabilityLabel(Availability availability) => availability switch
    {
        Availability.Busy => "Busy",
        Availability.Away => "Away",
        _ => "Available",
    };

    public static string AvailabilityClass(Availability availability) => $"status status-{availability.ToString().ToLowerInvariant()}";

    public static string AttentionBudget(int asksPerWeek) => asksPerWeek switch
    {
        0 => "not taking asks at the moment",
        1 => "accepts up to 1 ask a week",
        _ => $"accepts up to {asksPerWeek} asks a week",
    };

    public static string TopicLink(string topic) => $"/people?topic={Uri.EscapeDataString(topic)}";

    private static string FirstLetter(string word) =>
        StringInfo.GetNextTextElement(word).ToUpper(CultureInfo.InvariantCulture);
}
