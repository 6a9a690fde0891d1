using System.Globalization;
using System.Text;

namespace Rapport.Trust.Routing;

/// <summary>
/// Turns free text into the terms the expertise index counts: lower case (invariant), runs of letters and digits,
/// English stop words and one-character tokens dropped, plurals folded by Harman's S-stemmer ("qubits" → "qubit",
/// "queries" → "query"). Deliberately small: the same rule must hold for a person's past work and a new problem.
/// </summary>
public static class TextTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
        "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most",
        "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "one", "may", "might", "must",
        "let", "get", "like", "use", "using", "used", "way", "know", "think", "want", "need", "thank", "thanks", "please",
    };

    /// <summary>The terms of <paramref name="text"/> in order of appearance, repeats kept.</summary>
    public static IEnumerable<string> Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var token = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                token.Append(char.ToLower(text[i], CultureInfo.InvariantCulture));
                continue;
            }

            if (token.Length > 1 && Stem(token.ToString()) is { } term && !StopWords.Contains(term))
            {
                yield return term;
            }

            token.Clear();
        }
    }

    /// <summary>Harman (1991): "ies" → "y" (not "eies"/"aies"), "es" → "e" (not "aes"/"ees"/"oes"), "s" → "" (not "us"/"ss").</summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 3 || !word.EndsWith('s'))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal) && !word.EndsWith("ees", StringComparison.Ordinal) &&
            !word.EndsWith("oes", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("ss", StringComparison.Ordinal) ? word : word[..^1];
    }
}
