using Rapport.Trust.Graph;

namespace Rapport.Cli.Graphs;

/// <summary>The trust graph a bench or eval verb runs on: dense nodes 0..NodeCount-1 and positive trust edges only.</summary>
/// <param name="Name">The file name, or <c>synthetic</c>.</param>
/// <param name="Format">How it was read: snap-signed, konect, edgelist, or power-law.</param>
/// <param name="NodeCount">Nodes 0..NodeCount-1.</param>
/// <param name="Edges">Trust edges (value in (0, 1]), no self-loops, no repeated pair.</param>
/// <param name="DistrustEdges">Distrust edges the file held; counted, but not part of <paramref name="Edges"/>.</param>
/// <param name="LoadMilliseconds">Time to read or generate it.</param>
internal sealed record BenchGraph(string Name, string Format, int NodeCount, StatementEdge[] Edges, int DistrustEdges, double LoadMilliseconds);
