namespace Rapport.Trust.Graph.Files;

/// <summary>
/// A graph read from a file, with dense node indices. Nodes that appear in a trust edge come first
/// (0 .. <see cref="NodeCount"/>-1, in order of first appearance); nodes that appear only in distrust edges follow
/// (up to <see cref="AllNodeCount"/>-1). Self-loops are dropped; when a pair (from, to) appears twice, the later line wins.
/// </summary>
public sealed class LoadedGraph
{
    /// <summary>The format the file was read as.</summary>
    public required GraphFileFormat Format { get; init; }

    /// <summary>Nodes with at least one trust edge: the graph trust propagates over.</summary>
    public required int NodeCount { get; init; }

    /// <summary><see cref="NodeCount"/> plus the nodes that appear only in distrust edges.</summary>
    public required int AllNodeCount { get; init; }

    /// <summary>Trust edges (value in (0, 1]), public and of the general topic, in file order.</summary>
    public required StatementEdge[] Trust { get; init; }

    /// <summary>Distrust edges (value in [−1, 0)), public and of the general topic, in file order.</summary>
    public required StatementEdge[] Distrust { get; init; }

    /// <summary>The file's id of each dense node index (length <see cref="AllNodeCount"/>).</summary>
    public required long[] OriginalIds { get; init; }

    /// <summary>Lines whose source and target were the same node, left out.</summary>
    public required int SelfLoopsDropped { get; init; }

    /// <summary>Lines that repeated an earlier (from, to) pair and replaced its value.</summary>
    public required int DuplicatesReplaced { get; init; }
}
