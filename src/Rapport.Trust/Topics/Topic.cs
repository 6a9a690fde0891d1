using System.Globalization;
using System.Text;

namespace Rapport.Trust.Topics;

/// <summary>
/// A normalized topic name: the key that competences, trust statements and recommendations share.
/// "Piloting ", "piloting" and "PILOTING" are one topic.
/// </summary>
public static class Topic
{
    /// <summary>The longest topic name accepted, in characters, after normalization.</summary>
    public const int MaxLength = 60;

    /// <summary>
    /// Normalizes a topic: Unicode NFKC, lower case (invariant), inner whitespace collapsed to one space,
    /// outer whitespace trimmed. Returns <c>null</c> when nothing is left or the result is longer than
    /// <see cref="MaxLength"/>, or contains control characters.
    /// </summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                return null;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.Length is > 0 and <= MaxLength ? builder.ToString() : null;
    }
}
