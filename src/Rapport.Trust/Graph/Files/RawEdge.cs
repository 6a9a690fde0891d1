namespace Rapport.Trust.Graph.Files;

/// <summary>One edge line as written in the file: the file's own node ids and a value in [−1, 1], not 0.</summary>
internal readonly record struct RawEdge(long From, long To, float Value);
