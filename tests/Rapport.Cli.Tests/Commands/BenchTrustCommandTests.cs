using System.Text.Json;
using Rapport.Cli.Tests.Infrastructure;
using Rapport.Testing;
using Rapport.Trust.Graph.Synthetic;

namespace Rapport.Cli.Tests.Commands;

public sealed class BenchTrustCommandTests
{
    private static readonly string[] ReportFields =
    [
        "graph", "format", "nodes", "edges", "distrust_edges", "seed", "queries", "reference_queries", "damping", "load_ms", "build_ms",
        "bytes_per_edge", "build_allocated_bytes", "reference", "reference_agreement", "results", "skipped", "machine",
    ];

    private static readonly string[] RowFields =
    [
        "engine", "algorithm", "tier", "queries", "p50_us", "p99_us", "recall_at_10", "recall_queries", "allocated_bytes_per_query",
        "ratio_to_fastest_peer", "fastest_peer", "speedup_at_matched_recall", "matched_peer", "note",
    ];

    [Fact]
    public async Task BenchTrust_OnBitcoinAlpha_PrintsOneReportWithEveryOfferedAlgorithmAndTier()
    {
        var result = await RapportCli.RunAsync(new StandInEngine().Engine,
            "bench", "trust", "--graph", GraphData.File(GraphData.BitcoinAlpha), "--queries", "60", "--reference-queries", "30", "--peers", "none", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var report = JsonShape.Parse(result.Output);
        JsonShape.HasExactly(report, ReportFields);
        Assert.Equal(("soc-sign-bitcoinalpha.csv", "snap-signed"), (report.GetProperty("graph").GetString(), report.GetProperty("format").GetString()));
        Assert.Equal((3_683, 22_650, 1_536), (report.GetProperty("nodes").GetInt32(), report.GetProperty("edges").GetInt32(), report.GetProperty("distrust_edges").GetInt32()));
        Assert.Equal((60, 30), (report.GetProperty("queries").GetInt32(), report.GetProperty("reference_queries").GetInt32()));
        Assert.True(report.GetProperty("bytes_per_edge").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("reference_agreement").ValueKind);

        var rows = JsonShape.Rows(report, "results");
        Assert.All(rows, row => JsonShape.HasExactly(row, RowFields));
        Assert.Equal(
            ["rapport ppr exact", "rapport ppr cheap", "rapport ppr high", "rapport appleseed exact"], // the propagation algorithms have no tiers
            rows.Select(JsonShape.Key));
        Assert.All(rows, row =>
        {
            Assert.Equal(row.GetProperty("tier").GetString() == "exact" ? 30 : 60, row.GetProperty("queries").GetInt32());
            Assert.InRange(row.GetProperty("p50_us").GetDouble(), 0.0, row.GetProperty("p99_us").GetDouble());
            Assert.True(row.GetProperty("allocated_bytes_per_query").GetDouble() > 0, "the stand-in allocates, so the count must see it");
            Assert.Equal(JsonValueKind.Null, row.GetProperty("ratio_to_fastest_peer").ValueKind);
        });
        Assert.All(rows.Where(r => r.GetProperty("tier").GetString() == "exact"), r => Assert.Equal(1.0, r.GetProperty("recall_at_10").GetDouble()));

        // The stand-in's cheap tier stops after 3 iterations and its high tier after 40: recall must tell them apart.
        var recall = rows.ToDictionary(JsonShape.Key, r => r.GetProperty("recall_at_10").GetDouble());
        Assert.InRange(recall["rapport ppr cheap"], 0.1, 0.99);
        Assert.InRange(recall["rapport ppr high"], 0.99, 1.0);
        Assert.Equal(30, rows[1].GetProperty("recall_queries").GetInt32());

        var skipped = JsonShape.Rows(report, "skipped");
        Assert.Equal(
            ["rapport moletrust exact", "rapport tidaltrust exact"],
            skipped.Select(JsonShape.Key));
        Assert.All(skipped, s => Assert.StartsWith("The stand-in does not offer", s.GetProperty("reason").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchTrust_WithPeers_RunsThemOnTheReferenceSourcesAndRelatesRapportToTheFastest()
    {
        PeerPython.Require("scipy", "igraph", "networkx");
        var graph = PowerLawGraph.Generate(400, 4000, seed: 1);
        Assert.Contains(graph, e => !graph.Any(o => o.From == e.To)); // someone trusted who trusts nobody: dangling mass to handle alike

        var result = await RapportCli.RunAsync(new StandInEngine().Engine,
            "bench", "trust", "--synthetic", "4000", "--nodes", "400", "--queries", "40", "--reference-queries", "30", "--peer-queries", "30",
            "--python", PeerPython.Path, "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonShape.Parse(result.Output);
        Assert.DoesNotContain(JsonShape.Rows(report, "skipped"), s => s.GetProperty("engine").GetString() != "rapport");
        var peers = JsonShape.Rows(report, "results").Where(r => r.GetProperty("engine").GetString() != "rapport").ToDictionary(JsonShape.Key);
        Assert.Equal(
            ["scipy ppr power-iteration", "scipy ppr power-iteration-tol-1e-1", "scipy ppr power-iteration-tol-1e-2", "scipy ppr power-iteration-tol-1e-4",
             "igraph ppr prpack", "networkx ppr power-iteration"],
            peers.Keys);
        Assert.Equal([30, 30, 30, 30, 30, 20], peers.Values.Select(p => p.GetProperty("queries").GetInt32()));
        Assert.Contains("cap 20", peers["networkx ppr power-iteration"].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.All(peers.Values, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("allocated_bytes_per_query").ValueKind));

        // The stand-in's exact tier is the textbook definition, so every converged peer must agree with it (igraph and
        // NetworkX restart dangling walks at the source, which scales the vector but keeps the ranking); looser SciPy
        // runs may only lose recall as their tolerance grows.
        double Recall(string key) => peers[key].GetProperty("recall_at_10").GetDouble();
        Assert.All(new[] { "scipy ppr power-iteration", "igraph ppr prpack", "networkx ppr power-iteration" }, key => Assert.Equal(1.0, Recall(key)));
        Assert.True(Recall("scipy ppr power-iteration-tol-1e-1") <= Recall("scipy ppr power-iteration-tol-1e-2"));
        Assert.True(Recall("scipy ppr power-iteration-tol-1e-2") <= Recall("scipy ppr power-iteration-tol-1e-4"));

        var agreement = report.GetProperty("reference_agreement");
        Assert.Equal(("scipy", 1.0, 1.0, 30), (agreement.GetProperty("peer").GetString(), agreement.GetProperty("recall_at_10").GetDouble(),
            agreement.GetProperty("worst_query_recall").GetDouble(), agreement.GetProperty("queries").GetInt32()));

        // Each Rapport PPR row is related to the fastest peer whose recall is not above its own, and to none when there is none.
        var rapport = JsonShape.Rows(report, "results").Where(r => r.GetProperty("engine").GetString() == "rapport").ToArray();
        foreach (var row in rapport.Where(r => r.GetProperty("algorithm").GetString() == "ppr"))
        {
            var recall = row.GetProperty("recall_at_10").GetDouble();
            var fastest = peers.Values.Where(p => p.GetProperty("recall_at_10").GetDouble() <= recall).MinBy(p => p.GetProperty("p50_us").GetDouble());
            if (fastest.ValueKind == JsonValueKind.Undefined)
            {
                Assert.Equal(JsonValueKind.Null, row.GetProperty("ratio_to_fastest_peer").ValueKind);
                continue;
            }

            Assert.Equal(JsonShape.Key(fastest).Replace(" ppr ", " ", StringComparison.Ordinal), row.GetProperty("fastest_peer").GetString());
            Assert.Equal(Math.Round(row.GetProperty("p50_us").GetDouble() / fastest.GetProperty("p50_us").GetDouble(), 4), row.GetProperty("ratio_to_fastest_peer").GetDouble(), 1e-9);
        }

        // ... and to the fastest peer whose recall is at least its own, as a speed-up.
        foreach (var row in rapport.Where(r => r.GetProperty("algorithm").GetString() == "ppr"))
        {
            var recall = row.GetProperty("recall_at_10").GetDouble();
            var matched = peers.Values.Where(p => p.GetProperty("recall_at_10").GetDouble() >= recall).MinBy(p => p.GetProperty("p50_us").GetDouble());
            if (matched.ValueKind == JsonValueKind.Undefined)
            {
                Assert.Equal(JsonValueKind.Null, row.GetProperty("speedup_at_matched_recall").ValueKind);
                continue;
            }

            Assert.Equal(JsonShape.Key(matched).Replace(" ppr ", " ", StringComparison.Ordinal), row.GetProperty("matched_peer").GetString());
            Assert.Equal(Math.Round(matched.GetProperty("p50_us").GetDouble() / row.GetProperty("p50_us").GetDouble(), 4), row.GetProperty("speedup_at_matched_recall").GetDouble(), 1e-9);
        }

        Assert.NotEqual(JsonValueKind.Null, rapport[0].GetProperty("ratio_to_fastest_peer").ValueKind);
        Assert.All(rapport.Where(r => r.GetProperty("algorithm").GetString() != "ppr"), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("ratio_to_fastest_peer").ValueKind));
    }

    [Fact]
    public async Task BenchTrust_WithoutPython_ReportsEveryPeerAsSkippedWithTheReason()
    {
        var result = await RapportCli.RunAsync(new StandInEngine().Engine,
            "bench", "trust", "--synthetic", "2000", "--queries", "10", "--python", "/nonexistent/python3", "--json");

        Assert.Equal(0, result.ExitCode);
        var skipped = JsonShape.Rows(JsonShape.Parse(result.Output), "skipped").Where(s => s.GetProperty("engine").GetString() != "rapport").ToArray();
        Assert.Equal(["scipy", "scipy", "scipy", "scipy", "igraph", "networkx"], skipped.Select(s => s.GetProperty("engine").GetString()));
        Assert.All(skipped, s => Assert.StartsWith("no Python at /nonexistent/python3", s.GetProperty("reason").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchTrust_WithoutJson_PrintsATable()
    {
        var result = await RapportCli.RunAsync(new StandInEngine().Engine, "bench", "trust", "--synthetic", "2000", "--queries", "10", "--peers", "none");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.StartsWith("synthetic (power-law (exponent 2.3)): 200 nodes, 2,000 trust edges", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("engine   algorithm  tier", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("rapport  ppr        cheap  10", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("skipped rapport moletrust exact: The stand-in does not offer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchTrust_OnAMalformedFile_NamesTheLineAndPrintsNoReport()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.File("ratings.csv");
        await File.WriteAllTextAsync(file, "1,2,5,100\n2,3,5,100\n3,1,five,100\n", TestContext.Current.CancellationToken);

        var result = await RapportCli.RunAsync(new StandInEngine().Engine, "bench", "trust", "--graph", file, "--json");

        RapportCli.AssertOneLineError(result, "ratings.csv: line 3: rating 'five' must be an integer in -10..-1 or 1..10.");
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task BenchTrust_BeforeTheEngineIsMerged_FailsWithOneLineAndPrintsNoReport()
    {
        var result = await RapportCli.RunAsync(StandInEngine.Pending, "bench", "trust", "--synthetic", "1000", "--peers", "none", "--json");

        RapportCli.AssertOneLineError(result, "the trust engine is not in this build");
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("give --graph FILE or --synthetic EDGES.")]
    [InlineData("give --graph or --synthetic, not both.", "--graph", "x.csv", "--synthetic", "10")]
    [InlineData("does not exist.", "--graph", "/nonexistent/graph.csv")]
    [InlineData("--peers: unknown peer 'graphx'; choose from scipy, igraph, networkx or none.", "--synthetic", "100", "--peers", "scipy,graphx")]
    [InlineData("--synthetic 1000 --nodes 10: 1000 edges would make 10 nodes too dense", "--synthetic", "1000", "--nodes", "10")]
    public async Task BenchTrust_WithBadGraphOptions_FailsWithOneReadableLine(string expected, params string[] options)
    {
        var result = await RapportCli.RunAsync(new StandInEngine().Engine, ["bench", "trust", .. options]);

        RapportCli.AssertOneLineError(result, expected);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("--queries", "0")]
    [InlineData("--format", "graphml")]
    public async Task BenchTrust_WithAnInvalidOptionValue_IsAParseError(string option, string value)
    {
        var result = await RapportCli.RunAsync(new StandInEngine().Engine, "bench", "trust", "--synthetic", "100", option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(option == "--queries" ? "--queries must be at least 1." : "graphml", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"results\"", result.Output, StringComparison.Ordinal);
    }
}
