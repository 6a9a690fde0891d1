using System.CommandLine;
using Rapport.Cli.Benchmarks;
using Rapport.Cli.Benchmarks.Peers;
using Rapport.Cli.Graphs;
using Rapport.Cli.Reports;
using Rapport.Cli.Scoring;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport bench trust</c>: latency, allocations and recall@10 of every trust algorithm and tier on one graph, with
/// SciPy, igraph and NetworkX personalized PageRank run on the same graph and sources.
/// </summary>
internal static class BenchTrustCommand
{
    public static Command Create(TrustEngine engine, TimeProvider time)
    {
        var graph = new GraphOptions();
        var queries = OptionRules.Positive(new Option<int>("--queries") { Description = "Sources to time per cheap/high row, drawn by seed among nodes that trust someone.", DefaultValueFactory = _ => 1000 });
        var referenceQueries = OptionRules.Positive(new Option<int>("--reference-queries") { Description = "The first sources that also get the exact reference (exact is slow on big graphs).", DefaultValueFactory = _ => 200 });
        var peers = new Option<string>("--peers") { Description = "Peers to run, comma-separated: scipy, igraph, networkx; or none.", DefaultValueFactory = _ => "scipy,igraph,networkx" };
        var peerQueries = OptionRules.Positive(new Option<int>("--peer-queries") { Description = "The first reference sources the peers answer (NetworkX at most 20).", DefaultValueFactory = _ => 100 });
        var peerTimeout = OptionRules.Positive(new Option<int>("--peer-timeout") { Description = "Seconds each peer may run; a peer stopped by it keeps the queries it finished.", DefaultValueFactory = _ => 600 });
        var python = new Option<string>("--python") { Description = "The Python that runs the peers (Debian's has python3-scipy, -igraph, -networkx).", DefaultValueFactory = _ => "/usr/bin/python3" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (schema in docs/benchmarks.md) instead of a table." };
        var command = new Command("trust",
            "Time every trust algorithm and precision tier on --graph FILE or --synthetic EDGES: p50/p99 per query, allocated bytes, " +
            "recall@10 against the exact tier, and SciPy, igraph and NetworkX personalized PageRank on the same sources.");
        graph.AddTo(command);
        command.Options.Add(queries);
        command.Options.Add(referenceQueries);
        command.Options.Add(peers);
        command.Options.Add(peerQueries);
        command.Options.Add(peerTimeout);
        command.Options.Add(python);
        command.Options.Add(json);
        command.SetRapportAction(async (parse, output, cancellationToken) =>
        {
            var chosenPeers = ParsePeers(parse.GetValue(peers)!);
            var settings = new TrustBenchSettings(
                parse.GetValue(queries), parse.GetValue(referenceQueries), parse.GetValue(peerQueries), parse.GetValue(graph.Seed), chosenPeers,
                new PeerRunner(parse.GetValue(python)!, Path.Combine(AppContext.BaseDirectory, "peers"), TimeSpan.FromSeconds(parse.GetValue(peerTimeout))));
            var loaded = graph.Load(parse);
            var report = await EngineMissing.GuardAsync(() => new TrustBenchmark(engine, time).RunAsync(loaded, settings, cancellationToken));
            await (parse.GetValue(json) ? ReportJson.WriteAsync(output, report) : TrustBenchText.WriteAsync(output, report));
            return 0;
        });
        return command;
    }

    /// <summary>The peers named (every variant of a name), in the catalogue's order.</summary>
    private static List<Peer> ParsePeers(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names is [] or ["none"])
        {
            return [];
        }

        var unknown = names.FirstOrDefault(name => Peer.All.All(p => p.Name != name));
        return unknown is null
            ? [.. Peer.All.Where(p => names.Contains(p.Name))]
            : throw new CliException($"--peers: unknown peer '{unknown}'; choose from {string.Join(", ", Peer.All.Select(p => p.Name).Distinct())} or none.");
    }
}
