using System.Text.Json;
using Rapport.Cli.Tests.Infrastructure;

namespace Rapport.Cli.Tests.Commands;

public sealed class BenchFeedCommandTests
{
    [Fact]
    public async Task BenchFeed_OnATinyNetwork_PrintsOneReportWithTheTrustedViewWithAndWithoutATopic()
    {
        var result = await RapportCli.RunAsync(
            ["bench", "feed", "--people", "60", "--trust", "400", "--recommendations", "500", "--items", "80", "--viewers", "5", "--json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var report = JsonShape.Parse(result.Output);
        JsonShape.HasExactly(report, ["people", "trust_statements", "recommendations", "items", "provider", "seed_seconds", "results", "machine"]);
        Assert.Equal(60, report.GetProperty("people").GetInt32());
        Assert.InRange(report.GetProperty("trust_statements").GetInt32(), 1, 400);
        Assert.InRange(report.GetProperty("recommendations").GetInt32(), 1, 500);
        var rows = JsonShape.Rows(report, "results");
        Assert.Equal([JsonValueKind.Null, JsonValueKind.String], rows.Select(r => r.GetProperty("topic").ValueKind));
        Assert.All(rows, row =>
        {
            JsonShape.HasExactly(row, ["view", "topic", "p50_ms", "p99_ms", "queries"]);
            Assert.Equal("trusted", row.GetProperty("view").GetString());
            Assert.Equal(5, row.GetProperty("queries").GetInt32());
            Assert.True(row.GetProperty("p99_ms").GetDouble() >= row.GetProperty("p50_ms").GetDouble());
        });
    }

    [Fact]
    public async Task BenchFeed_WithPostgresButNoConnection_FailsWithAMessage()
    {
        var result = await RapportCli.RunAsync(["bench", "feed", "--provider", "postgres"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--provider postgres needs --connection.", result.Error, StringComparison.Ordinal);
    }
}
