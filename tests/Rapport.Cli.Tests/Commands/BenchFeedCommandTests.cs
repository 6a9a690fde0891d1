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
        JsonShape.HasExactly(report, ["people", "trust_statements", "recommendations", "items", "provider", "seed_seconds", "concurrency", "results", "gc_mode", "machine"]);
        Assert.Equal(1, report.GetProperty("concurrency").GetInt32());
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
                "wall_seconds", "throughput_per_second", "cpu_ms_per_query", "entries", "pages_sha256",
            ]);
            Assert.True(row.GetProperty("wall_seconds").GetDouble() > 0);
            Assert.True(row.GetProperty("throughput_per_second").GetDouble() > 0);
            Assert.Equal(64, row.GetProperty("pages_sha256").GetString()!.Length);
            Assert.True(row.GetProperty("allocated_bytes_per_query").GetInt64() > 0);
            Assert.True(row.GetProperty("allocated_bytes_p99").GetInt64() >= row.GetProperty("allocated_bytes_per_query").GetInt64());
            Assert.True(row.GetProperty("gen0_collections").GetInt32() >= row.GetProperty("gen1_collections").GetInt32());
            Assert.Equal("trusted", row.GetProperty("view").GetString());
            Assert.Equal(5, row.GetProperty("queries").GetInt32());
            Assert.True(row.GetProperty("p99_ms").GetDouble() >= row.GetProperty("p50_ms").GetDouble());
            Assert.True(row.GetProperty("cpu_p99_ms").GetDouble() >= row.GetProperty("cpu_p50_ms").GetDouble());
        });
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    public async Task BenchFeed_WithAConcurrencyOutOfRange_FailsWithAMessage_BeforeTouchingADatabase(string concurrency)
    {
        var file = Path.Combine(_directory, "never.db");
        var result = await RapportCli.RunAsync(["bench", "feed", "--concurrency", concurrency, "--file", file]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"--concurrency must be from 1 to 64 (got {concurrency}).", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task BenchFeed_WithAConcurrencyThatIsNoNumber_FailsWithTheParsersMessage()
    {
        var result = await RapportCli.RunAsync(["bench", "feed", "--concurrency", "many"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("many", result.Error, StringComparison.Ordinal);
        Assert.Contains("--concurrency", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchFeed_TwoAndEightAtOnce_AnswerTheSamePagesAsOneAtATime_OnTheSameDatabase()
    {
        // Large enough that viewers' pages fill up and differ, small enough for a test: pooled buffers are shared by
        // the concurrent requests, so a page mixed up with another viewer's would change the fingerprint.
        var file = Path.Combine(_directory, "same.db");
        string[] network = ["bench", "feed", "--people", "300", "--trust", "3000", "--recommendations", "4000", "--items", "400", "--viewers", "24", "--seed", "5", "--file", file, "--json"];
        var reports = new List<JsonElement>();
        foreach (var concurrency in new[] { "1", "2", "8" })
        {
            var result = await RapportCli.RunAsync([.. network, "--concurrency", concurrency, .. reports.Count == 0 ? Array.Empty<string>() : ["--reuse"]]);
            Assert.Equal(0, result.ExitCode);
            reports.Add(JsonShape.Parse(result.Output));
        }

        Assert.Equal([1, 2, 8], reports.Select(r => r.GetProperty("concurrency").GetInt32()));
        var lines = reports.Select(r => JsonShape.Rows(r, "results").Select(row => (row.GetProperty("pages_sha256").GetString(), row.GetProperty("entries").GetInt32())).ToList()).ToList();
        Assert.All(lines[0], line => Assert.Equal(24 * 20, line.Item2)); // every viewer's first page is full
        Assert.NotEqual(lines[0][0].Item1, lines[0][1].Item1);
        Assert.Equal(lines[0], lines[1]);
        Assert.Equal(lines[0], lines[2]);
    }

    [Fact]
    public async Task BenchFeed_WithPostgresButNoConnection_FailsWithAMessage()
    {
        var result = await RapportCli.RunAsync(["bench", "feed", "--provider", "postgres"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--provider postgres needs --connection.", result.Error, StringComparison.Ordinal);
    }
}
