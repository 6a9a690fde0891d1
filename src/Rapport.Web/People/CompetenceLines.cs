using Rapport.Core.Outcomes;
using Rapport.Core.People;

namespace Rapport.Web.People;

/// <summary>
/// Competences as a textarea, one per line: <c>topic @ context</c> (context optional). Lets a person edit
/// the whole list without JavaScript. Blank lines are skipped; errors are reported by line number.
/// </summary>
internal static class CompetenceLines
{
    /// <summary>Far more than 30 honest lines; beyond it the text is refused before parsing.</summary>
    public const int MaxLength = 16_000;

    public static string Format(IEnumerable<CompetenceView> competences) =>
        string.Join("\n", competences.Select(c => c.Context is null ? c.Topic : $"{c.Topic} @ {c.Context}"));

    /// <summary>The entries, and for each its 1-based line number in <paramref name="text"/>.</summary>
    public static (List<CompetenceInput?> Entries, List<int> LineNumbers) Parse(string? text)
    {
        var entries = new List<CompetenceInput?>();
        var lineNumbers = new List<int>();
        var lines = (text ?? "").ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var at = lines[i].IndexOf('@', StringComparison.Ordinal);
            entries.Add(at < 0 ? new CompetenceInput(lines[i]) : new CompetenceInput(lines[i][..at], lines[i][(at + 1)..]));
            lineNumbers.Add(i + 1);
        }

        return (entries, lineNumbers);
    }

    /// <summary>The use case's <c>competences[i].topic</c>-style errors, as sentences naming lines.</summary>
    public static List<string> Messages(FieldErrors errors, IReadOnlyList<int> lineNumbers)
    {
        var messages = new List<string>(errors.For("competences"));
        for (var i = 0; i < lineNumbers.Count; i++)
        {
            foreach (var message in errors.For($"competences[{i}].topic").Concat(errors.For($"competences[{i}].context")))
            {
                messages.Add($"Line {lineNumbers[i]}: {message}");
            }
        }

        return messages;
    }
}
