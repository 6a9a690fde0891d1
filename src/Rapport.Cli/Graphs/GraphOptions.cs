using System.CommandLine;
using System.Diagnostics;
using Rapport.Trust.Graph.Files;
using Rapport.Trust.Graph.Synthetic;

namespace Rapport.Cli.Graphs;

/// <summary>
/// The options that choose the graph of <c>bench trust</c> and <c>eval sybil</c>: a file (<c>--graph</c>, <c>--format</c>)
/// or a seeded power-law graph (<c>--synthetic</c>, <c>--nodes</c>), and the <c>--seed</c> that also picks the sources.
/// </summary>
internal sealed class GraphOptions
{
    private static readonly Dictionary<string, GraphFileFormat> Formats = new(StringComparer.Ordinal)
    {
        ["auto"] = GraphFileFormat.Auto,
        ["snap-signed"] = GraphFileFormat.SnapSigned,
        ["konect"] = GraphFileFormat.Konect,
        ["edgelist"] = GraphFileFormat.EdgeList,
    };

    public Option<FileInfo?> Graph { get; } = new("--graph")
    {
        Description = "Trust graph file: SNAP signed CSV (rating > 0 is trust of rating/10), KONECT out.* or a plain edge list.",
    };

    public Option<string> Format { get; } = new Option<string>("--format")
    {
        Description = "Format of --graph. auto detects it from the file name and first line.",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong([.. Formats.Keys]);

    public Option<int?> Synthetic { get; } = new("--synthetic")
    {
        Description = "Instead of --graph: a seeded Chung-Lu power-law directed graph with this many edges (exactly, no duplicates).",
    };

    public Option<int?> Nodes { get; } = new("--nodes")
    {
        Description = "Nodes of the --synthetic graph. Default: edges / 10.",
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Random seed for the synthetic graph and every sample; the same seed gives the same run.",
        DefaultValueFactory = _ => 1,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Graph);
        command.Options.Add(Format);
        command.Options.Add(Synthetic);
        command.Options.Add(Nodes);
        command.Options.Add(Seed);
    }

    public static string FormatName(GraphFileFormat format) => Formats.First(f => f.Value == format).Key;

    /// <summary>Reads or generates the graph; a missing file, a bad line or bad sizes become one-line errors.</summary>
    public BenchGraph Load(ParseResult parse)
    {
        var file = parse.GetValue(Graph);
        var edges = parse.GetValue(Synthetic);
        var start = Stopwatch.GetTimestamp();
        return (file, edges) switch
        {
            (null, null) => throw new CliException("give --graph FILE or --synthetic EDGES."),
            (not null, not null) => throw new CliException("give --graph or --synthetic, not both."),
            (not null, _) => FromFile(file, Formats[parse.GetValue(Format)!], start),
            (_, { } count) => Generate(count, parse.GetValue(Nodes), parse.GetValue(Seed), start),
        };
    }

    private static BenchGraph FromFile(FileInfo file, GraphFileFormat format, long start)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName} does not exist.");
        }

        LoadedGraph graph;
        try
        {
            graph = GraphFile.Load(file.FullName, format);
        }
        catch (GraphFormatException e)
        {
            throw new CliException($"{file.Name}: {e.Message}");
        }

        return new BenchGraph(file.Name, FormatName(graph.Format), graph.NodeCount, graph.Trust, graph.Distrust.Length, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static BenchGraph Generate(int edges, int? nodes, int seed, long start)
    {
        var nodeCount = nodes ?? Math.Max(edges / 10, 2);
        if (edges < 1 || nodeCount < 2)
        {
            throw new CliException("--synthetic needs at least 1 edge and --nodes at least 2.");
        }

        try
        {
            var generated = PowerLawGraph.Generate(nodeCount, edges, seed);
            return new BenchGraph("synthetic", $"power-law (exponent {PowerLawGraph.DefaultExponent})", nodeCount, generated, 0, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--synthetic {edges} --nodes {nodeCount}: {e.Message}");
        }
    }
}
