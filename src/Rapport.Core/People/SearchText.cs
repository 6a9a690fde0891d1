using System.Globalization;
using System.Text;

namespace Rapport.Core.People;

/// <summary>
/// Folds text for directory search the same way on every database: Unicode NFKC, invariant lower case,
/// whitespace collapsed, control characters dropped. Folding happens in .NET, not in SQL, because
/// SQLite's <c>lower()</c> only knows ASCII and PostgreSQL's depends on the database locale.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lowered = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(lowered.Length);
        var pendingSpace = false;
        foreach (var c in lowered)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
            }
            else if (!char.IsControl(c))
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
