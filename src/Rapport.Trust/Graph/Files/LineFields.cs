using System.Globalization;

namespace Rapport.Trust.Graph.Files;

/// <summary>Splitting a line into fields and reading numbers from them, invariantly.</summary>
internal static class LineFields
{
    /// <summary>Splits on runs of whitespace (spaces, tabs, a stray CR); returns the number of fields, which may exceed <paramref name="into"/>'s length.</summary>
    public static int SplitOnWhitespace(ReadOnlySpan<char> line, Span<Range> into)
    {
        var count = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (count < into.Length)
            {
                into[count] = start..i;
            }

            count++;
        }

        return count;
    }

    /// <summary>Splits on commas, trimming each field; returns the number of fields, which may exceed <paramref name="into"/>'s length.</summary>
    public static int SplitOnCommas(ReadOnlySpan<char> line, Span<Range> into)
    {
        var count = line.Count(',') + 1;
        line.Split(into, ',');
        return count;
    }

    public static bool IsNumber(ReadOnlySpan<char> field) =>
        double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public static long NodeId(ReadOnlySpan<char> field, long lineNumber) =>
        long.TryParse(field.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new GraphFormatException(lineNumber, $"'{Shown(field)}' is not an integer node id.");

    /// <summary>A trust value in [−1, 1], not 0.</summary>
    public static float Weight(ReadOnlySpan<char> field, long lineNumber) =>
        float.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && float.IsFinite(weight) && weight is >= -1f and <= 1f and not 0f
            ? weight
            : throw new GraphFormatException(lineNumber, $"weight '{Shown(field)}' must be a number in [-1, 1] other than 0.");

    /// <summary>At most 40 characters of a field, so a binary file cannot flood the message.</summary>
    public static string Shown(ReadOnlySpan<char> field)
    {
        var trimmed = field.Trim();
        return trimmed.Length <= 40 ? trimmed.ToString() : $"{trimmed[..40]}…";
    }
}
