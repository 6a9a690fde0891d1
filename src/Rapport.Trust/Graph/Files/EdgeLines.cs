using System.Globalization;

namespace Rapport.Trust.Graph.Files;

/// <summary>
/// Reads one non-blank line of each format. Returns null for a line without an edge: a comment, or a header on the
/// first content line (every field non-numeric, like KONECT's <c>source_id target_id trust_value</c>).
/// </summary>
internal static class EdgeLines
{
    public static RawEdge? Parse(GraphFileFormat format, ReadOnlySpan<char> line, long number, bool firstContentLine)
    {
        var comment = format == GraphFileFormat.Konect ? '%' : '#';
        if (line[0] == comment)
        {
            return null;
        }

        Span<Range> ranges = stackalloc Range[5];
        var count = format == GraphFileFormat.SnapSigned
            ? LineFields.SplitOnCommas(line, ranges)
            : LineFields.SplitOnWhitespace(line, ranges);
        if (firstContentLine && IsHeader(line, ranges[..Math.Min(count, ranges.Length)]))
        {
            return null;
        }

        return format switch
        {
            GraphFileFormat.SnapSigned => SnapSigned(line, ranges, count, number),
            GraphFileFormat.Konect => Weighted(line, ranges, count, number, maxFields: 4, "SRC DST [WEIGHT [TIME]]"),
            GraphFileFormat.EdgeList => Weighted(line, ranges, count, number, maxFields: 3, "FROM TO [WEIGHT]"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Detect the format before reading."),
        };
    }

    private static bool IsHeader(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields)
    {
        foreach (var field in fields)
        {
            if (LineFields.IsNumber(line[field]))
            {
                return false;
            }
        }

        return true;
    }

    private static RawEdge SnapSigned(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields, int count, long number)
    {
        if (count is < 3 or > 4)
        {
            throw new GraphFormatException(number, $"expected SOURCE,TARGET,RATING[,TIME] but found {count} comma-separated field(s).");
        }

        var rating = line[fields[2]].Trim();
        if (!int.TryParse(rating, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value is < -10 or > 10 or 0)
        {
            throw new GraphFormatException(number, $"rating '{LineFields.Shown(rating)}' must be an integer in -10..-1 or 1..10.");
        }

        return new RawEdge(LineFields.NodeId(line[fields[0]], number), LineFields.NodeId(line[fields[1]], number), value / 10f);
    }

    private static RawEdge Weighted(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields, int count, long number, int maxFields, string shape)
    {
        if (count < 2 || count > maxFields)
        {
            throw new GraphFormatException(number, $"expected {shape} but found {count} field(s).");
        }

        var from = LineFields.NodeId(line[fields[0]], number);
        var to = LineFields.NodeId(line[fields[1]], number);
        var weight = count >= 3 ? LineFields.Weight(line[fields[2]], number) : 1f;
        return new RawEdge(from, to, weight);
    }
}
