using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.Cli.Tests.Infrastructure;
using Rapport.Core.Persistence;

namespace Rapport.Cli.Tests.Commands;

public sealed class BenchFeedCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rapport-bench-feed-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task BenchFeed_TheSameSeedTwice_WritesTheSameRows_AsEfReadsThem()
    {
        var files = new[] { Path.Combine(_directory, "a.db"), Path.Combine(_directory, "b.db") };
        var rows = new List<List<string>>();
        foreach (var file in files)
        {
            var result = await RapportCli.RunAsync(
                ["bench", "feed", "--people", "40", "--trust", "200", "--recommendations", "300", "--items", "50", "--viewers", "1", "--seed", "7", "--file", file]);
            Assert.Equal(0, result.ExitCode);

            await using var db = DatabaseRegistration.CreateStandaloneContext(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}", _directory));
            var cancellationToken = TestContext.Current.CancellationToken;
            var recommendations = await db.Recommendations.Include(r => r.Person).Include(r => r.Item!.Topics).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            var statements = await db.TrustStatements.OrderBy(s => s.Id).ToListAsync(cancellationToken);
            Assert.NotEmpty(recommendations);
            Assert.All(recommendations, r => Assert.Single(r.Item!.Topics));
            rows.Add([
                .. recommendations.Select(r => $"{r.Id} {r.Person!.Handle} {r.Item!.Title} {r.Item.Topics[0].Topic} {r.Rating} {r.Topic} {r.Visibility}"),
                .. statements.Select(s => $"{s.Id} {s.FromId} {s.ToId} {s.Value} {s.Visibility}"),
            ]);
        }

        Assert.Equal(rows[0], rows[1]);
    }

    [Fact]
    public async Task BenchFeed_OnATinyNetwork_PrintsOneReportWithTheTrustedViewWithAndWithoutATopic()
    {
        var result = await RapportCli.RunAsync(
            ["bench", "feed", "--people", "60", "--trust", "400", "--recommendations", "500", "--items", "80", "--viewers", "5", "--json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var report = JsonShape.Parse(result.Output);
        JsonShape.HasExactly(report, ["people", "trust_statements", "recommendations", "items", "provider", "seed_seconds", "results", "gc_mode", "machine"]);
        var gc = report.GetProperty("gc_mode");
        JsonShape.HasExactly(gc, ["server", "concurrent", "latency_mode", "as_web_app", "configuration"]);
        Assert.Equal(System.Runtime.GCSettings.IsServerGC, gc.GetProperty("server").GetBoolean());
        Assert.Equal(60, report.GetProperty("people").GetInt32());
        Assert.InRange(report.GetProperty("trust_statements").GetInt32(), 1, 400);
        Assert.InRange(report.GetProperty("recommendations").GetInt32(), 1, 500);
        var rows = JsonShape.Rows(report, "results");
        Assert.Equal([JsonValueKind.Null, JsonValueKind.String], rows.Select(r => r.GetProperty("topic").ValueKind));
        Assert.All(rows, row =>
        {
            JsonShape.HasExactly(row, [
                "view", "topic", "p50_ms", "p99_ms", "cpu_p50_ms", "cpu_p99_ms", "queries", "allocated_bytes_per_query", "allocated_bytes_p99", "process_allocated_bytes_per_query",
                "gen0_collections", "gen1_collections", "gen2_collections", "gc_pause_total_ms", "gc_pause_p99_ms", "gc_pause_max_ms",
            ]);
            Assert.True(row.GetProperty("allocated_bytes_per_query").GetInt64() > 0);
            Assert.True(row.GetProperty("allocated_bytes_p99").GetInt64() >= row.GetProperty("allocated_bytes_per_query").GetInt64());
            Assert.True(row.GetProperty("gen0_collections").GetInt32() >= row.GetProperty("gen1_collections").GetInt32());
            Assert.Equal("trusted", row.GetProperty("view").GetString());
            Assert.Equal(5, row.GetProperty("queries").GetInt32());
            Assert.True(row.GetProperty("p99_ms").GetDouble() >= row.GetProperty("p50_ms").GetDouble());
            Assert.True(row.GetProperty("cpu_p99_ms").GetDouble() >= row.GetProperty("cpu_p50_ms").GetDouble());
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
