namespace Rapport.Trust.Graph.Files;

/// <summary>
/// Reads public trust graphs (SNAP signed CSV, KONECT <c>out.*</c>, plain edge lists) into dense node indices.
/// A malformed line stops the read with a <see cref="GraphFormatException"/> naming the line.
/// </summary>
public static class GraphFile
{
    /// <summary>Reads the file at <paramref name="path"/>, detecting its format when <paramref name="format"/> is <see cref="GraphFileFormat.Auto"/>.</summary>
    /// <exception cref="GraphFormatException">A line cannot be read.</exception>
    public static LoadedGraph Load(string path, GraphFileFormat format = GraphFileFormat.Auto)
    {
        if (format == GraphFileFormat.Auto)
        {
            format = Detect(path, FirstContentLine(path));
        }

        using var reader = new StreamReader(path, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        return Read(reader, format);
    }

    /// <summary>Reads a graph in a known format (not <see cref="GraphFileFormat.Auto"/>).</summary>
    /// <exception cref="GraphFormatException">A line cannot be read.</exception>
    public static LoadedGraph Read(TextReader reader, GraphFileFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(format, GraphFileFormat.Auto);
        var builder = new GraphBuilder();
        var number = 0L;
        var firstContentLine = true;
        while (reader.ReadLine() is { } text)
        {
            number++;
            var line = text.AsSpan().Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var edge = EdgeLines.Parse(format, line, number, firstContentLine);
            if (line[0] is not ('#' or '%'))
            {
                firstContentLine = false;
            }

            if (edge is { } parsed)
            {
                builder.Add(parsed);
            }
        }

        return builder.Build(format);
    }

    /// <summary>
    /// Guesses the format from the file name and its first non-blank line: KONECT for <c>out.*</c>, <c>*.out</c> or a
    /// leading <c>%</c>; SNAP signed for <c>*.csv</c> or commas; a plain edge list for a leading <c>#</c>; KONECT for a
    /// named header line; otherwise a plain edge list.
    /// </summary>
    public static GraphFileFormat Detect(string path, string? firstContentLine)
    {
        var name = Path.GetFileName(path);
        var line = (firstContentLine ?? "").Trim();
        if (line.StartsWith('%') || name.StartsWith("out.", StringComparison.Ordinal) || name.EndsWith(".out", StringComparison.OrdinalIgnoreCase))
        {
            return GraphFileFormat.Konect;
        }

        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || line.Contains(','))
        {
            return GraphFileFormat.SnapSigned;
        }

        if (line.Length == 0 || line.StartsWith('#'))
        {
            return GraphFileFormat.EdgeList;
        }

        Span<Range> fields = stackalloc Range[1];
        return LineFields.SplitOnWhitespace(line, fields) > 0 && !LineFields.IsNumber(line.AsSpan()[fields[0]])
            ? GraphFileFormat.Konect
            : GraphFileFormat.EdgeList;
    }

    private static string? FirstContentLine(string path)
    {
        using var reader = new StreamReader(path);
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line;
            }
        }

        return null;
    }
}
