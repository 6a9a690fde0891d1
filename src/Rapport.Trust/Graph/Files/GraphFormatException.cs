namespace Rapport.Trust.Graph.Files;

/// <summary>A graph file line that cannot be read; the message starts with <c>line N:</c>.</summary>
public sealed class GraphFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="problem"/> on the 1-based <paramref name="lineNumber"/>.</summary>
    public GraphFormatException(long lineNumber, string problem)
        : base($"line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based number of the line at fault.</summary>
    public long LineNumber { get; }
}
