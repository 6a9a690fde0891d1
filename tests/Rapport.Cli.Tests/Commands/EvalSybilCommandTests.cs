using System.Text.Json;
using Rapport.Cli.Tests.Infrastructure;

namespace Rapport.Cli.Tests.Commands;

public sealed class EvalSybilCommandTests
{
    private static readonly string[] Attack = ["--synthetic", "20000", "--nodes", "2000", "--sybils", "300", "--attack-edges", "1,3,10", "--honest-sources", "40", "--json"];

    private static readonly string[] ReportFields =
        ["graph", "format", "nodes", "edges", "seed", "sybils", "sybil_out_degree", "honest_viewers", "tier", "quality_bar", "results", "skipped", "machine"];

    private static readonly string[] RowFields =
        ["algorithm", "tier", "attack_edges", "viewers", "filled_slots", "sybil_slots", "sybil_share_top10", "viewers_with_sybils", "meets_quality_bar"];

    [Fact]
    public async Task EvalSybil_ReportsEveryOfferedAlgorithmForEveryK_OnOneBuildPerAttack()
    {
        var engine = new StandInEngine();

        var result = await RapportCli.RunAsync(engine.Engine, ["eval", "sybil", .. Attack]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var report = JsonShape.Parse(result.Output);
        JsonShape.HasExactly(report, ReportFields);
        Assert.Equal((2_000, 20_000, 300, 10, 40, "high"), (report.GetProperty("nodes").GetInt32(), report.GetProperty("edges").GetInt32(),
            report.GetProperty("sybils").GetInt32(), report.GetProperty("sybil_out_degree").GetInt32(), report.GetProperty("honest_viewers").GetInt32(),
            report.GetProperty("tier").GetString()));
        var bar = report.GetProperty("quality_bar");
        Assert.Equal((3, 0.01), (bar.GetProperty("attack_edges").GetInt32(), bar.GetProperty("max_sybil_share_top10").GetDouble()));
        Assert.Equal(3, engine.Builds);

        var rows = JsonShape.Rows(report, "results");
        Assert.All(rows, row => JsonShape.HasExactly(row, RowFields));
        Assert.Equal(["ppr 1", "appleseed 1", "ppr 3", "appleseed 3", "ppr 10", "appleseed 10"],
            rows.Select(r => $"{r.GetProperty("algorithm").GetString()} {r.GetProperty("attack_edges").GetInt32()}"));
        Assert.All(rows, row =>
        {
            var filled = row.GetProperty("filled_slots").GetInt32();
            var sybils = row.GetProperty("sybil_slots").GetInt32();
            Assert.InRange(filled, 1, 40 * 10);
            Assert.InRange(sybils, 0, filled);
            Assert.Equal(Math.Round(sybils / (double)filled, 6), row.GetProperty("sybil_share_top10").GetDouble());
            var verdict = row.GetProperty("meets_quality_bar").ValueKind;
            Assert.True(row.GetProperty("attack_edges").GetInt32() == 3 ? verdict is JsonValueKind.True or JsonValueKind.False : verdict is JsonValueKind.Null);
        });
        Assert.Equal(["moletrust", "tidaltrust"], JsonShape.Rows(report, "skipped").Select(s => s.GetProperty("algorithm").GetString()));
    }

    [Fact]
    public async Task EvalSybil_WithAnEngineThatRanksSybilsFirst_CountsEverySlotAsTakenAndMissesTheBar()
    {
        var result = await RapportCli.RunAsync(StandInEngine.HighestIndicesFirst, ["eval", "sybil", .. Attack]);

        Assert.Equal(0, result.ExitCode);
        var rows = JsonShape.Rows(JsonShape.Parse(result.Output), "results");
        Assert.Equal(12, rows.Length);
        Assert.All(rows, row =>
        {
            Assert.Equal(1.0, row.GetProperty("sybil_share_top10").GetDouble());
            Assert.Equal((400, 400, 40), (row.GetProperty("filled_slots").GetInt32(), row.GetProperty("sybil_slots").GetInt32(), row.GetProperty("viewers_with_sybils").GetInt32()));
        });
        Assert.All(rows.Where(r => r.GetProperty("attack_edges").GetInt32() == 3), r => Assert.False(r.GetProperty("meets_quality_bar").GetBoolean()));
    }

    [Fact]
    public async Task EvalSybil_WithoutJson_PrintsATableWithTheBar()
    {
        var result = await RapportCli.RunAsync(StandInEngine.HighestIndicesFirst, "eval", "sybil", "--synthetic", "2000", "--sybils", "50", "--honest-sources", "5");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Bar (QUALITY.md): sybils take at most 1% of top-10 slots at k = 3.", result.Output, StringComparison.Ordinal);
        var cells = result.Output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Contains(["algorithm", "k", "sybil", "share", "sybil", "slots", "filled", "slots", "viewers", "reached", "bar"], cells);
        Assert.Contains(["ppr", "3", "100.00%", "50", "50", "5", "MISSED"], cells);
        Assert.Contains(["ppr", "1", "100.00%", "50", "50", "5", "-"], cells);
    }

    [Theory]
    [InlineData("--attack-edges takes positive integers separated by commas, like 1,3,10; 'x' is not one.", "--attack-edges", "1,x")]
    [InlineData("--attack-edges 5000 needs that many honest nodes; synthetic has 200.", "--attack-edges", "5000")]
    [InlineData("--sybils must be at least 2 and more than --sybil-degree (10).", "--sybils", "5")]
    public async Task EvalSybil_WithBadSettings_FailsWithOneReadableLine(string expected, params string[] options)
    {
        var result = await RapportCli.RunAsync(new StandInEngine().Engine, ["eval", "sybil", "--synthetic", "2000", .. options]);

        RapportCli.AssertOneLineError(result, expected);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task EvalSybil_BeforeTheEngineIsMerged_FailsWithOneLine()
    {
        var result = await RapportCli.RunAsync(StandInEngine.Pending, "eval", "sybil", "--synthetic", "2000", "--json");

        RapportCli.AssertOneLineError(result, "the trust engine is not in this build");
        Assert.Empty(result.Output);
    }
}
