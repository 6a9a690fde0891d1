using System.CommandLine;
using Rapport.Cli.Reports;
using Rapport.Core.Persistence;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary><c>rapport bench feed</c>: the feed's latency on a generated network of 100k people and 1M recommendations.</summary>
internal static class BenchFeedCommand
{
    public static Command Create(TimeProvider time)
    {
        var defaults = FeedBenchSettings.Default;
        var people = new Option<int>("--people") { Description = "People in the generated network.", DefaultValueFactory = _ => defaults.People };
        var edges = new Option<int>("--trust") { Description = "Public trust statements (power-law).", DefaultValueFactory = _ => defaults.TrustEdges };
        var recommendations = new Option<int>("--recommendations") { Description = "Recommendations.", DefaultValueFactory = _ => defaults.Recommendations };
        var items = new Option<int>("--items") { Description = "Items, one topic each.", DefaultValueFactory = _ => defaults.Items };
        var viewers = new Option<int>("--viewers") { Description = "Timed queries per line (after the warm-up).", DefaultValueFactory = _ => defaults.Viewers };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = $"Feed requests at once (1 to {FeedBenchSettings.MaxConcurrency}): as many workers share the viewers, each request in its own scope.",
            DefaultValueFactory = _ => defaults.Concurrency,
        };
        var seed = new Option<int>("--seed") { Description = "Seeds the generator and the viewers.", DefaultValueFactory = _ => defaults.Seed };
        var provider = new Option<string>("--provider") { Description = "sqlite (a fresh file) or postgres (needs --connection; its tables must be empty).", DefaultValueFactory = _ => "sqlite" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string." };
        var file = new Option<string?>("--file") { Description = "SQLite file to create (must not exist). Default: a temporary file, deleted afterwards." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var reuse = new Option<bool>("--reuse") { Description = "Time the network already in --file (written by an earlier run with the same sizes) instead of generating one; seed_seconds is then 0-ish." };
        var command = new Command("feed",
            "Generate a network (default 100k people, ~1M public trust statements, 1M recommendations over 200k items) into a real database, " +
            "then time the trusted feed's first page for sampled viewers, without and with a topic. See docs/benchmarks.md.")
        {
            people, edges, recommendations, items, viewers, concurrency, seed, provider, connection, file, json, reuse,
        };
        command.SetRapportAction(async (parse, output, cancellationToken) =>
        {
            var settings = FeedBenchSettings.Default with
            {
                People = parse.GetValue(people), TrustEdges = parse.GetValue(edges), Recommendations = parse.GetValue(recommendations),
                Items = parse.GetValue(items), Viewers = parse.GetValue(viewers), Seed = parse.GetValue(seed),
                WarmUp = Math.Max(1, parse.GetValue(viewers) / 10), Concurrency = parse.GetValue(concurrency),
            };
            if (settings.People < 10 || settings.Items < 1 || settings.Viewers < 1)
            {
                throw new CliException("--people must be at least 10, --items and --viewers at least 1.");
            }

            if (settings.Concurrency < 1 || settings.Concurrency > FeedBenchSettings.MaxConcurrency)
            {
                throw new CliException($"--concurrency must be from 1 to {FeedBenchSettings.MaxConcurrency} (got {settings.Concurrency}).");
            }

            var postgres = parse.GetValue(provider) == "postgres";
            var path = parse.GetValue(file) ?? Path.Combine(Path.GetTempPath(), $"rapport-bench-feed-{Guid.NewGuid():N}.db");
            if (!postgres && File.Exists(path) && !parse.GetValue(reuse))
            {
                throw new CliException($"{path} already exists; bench feed writes a fresh database.");
            }

            var connectionString = postgres
                ? parse.GetValue(connection) ?? throw new CliException("--provider postgres needs --connection.")
                : $"Data Source={path}";
            try
            {
                var report = await FeedBenchmark.RunAsync(settings, postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString, parse.GetValue(reuse), time, cancellationToken);
                if (parse.GetValue(json))
                {
                    await ReportJson.WriteAsync(output, report);
                }
                else
                {
                    await output.WriteLineAsync($"{report.People} people, {report.TrustStatements} trust statements, {report.Recommendations} recommendations " +
                        $"({report.Provider}), seeded in {report.SeedSeconds} s; {report.Concurrency} at once; GC: {(report.GcMode.Server ? "server" : "workstation")}, " +
                        $"{(report.GcMode.Concurrent ? "concurrent" : "not concurrent")}, {report.GcMode.LatencyMode}" +
                        (report.GcMode.AsWebApp ? " (as the web app)" : " (NOT the web app's collector: the figures do not speak for the server)"));
                    foreach (var r in report.Results)
                    {
                        await output.WriteLineAsync($"{r.View,-8} topic {r.Topic ?? "(none)",-10} p50 {r.P50Milliseconds,8:0.00} ms  p99 {r.P99Milliseconds,8:0.00} ms  cpu p50 {r.CpuP50Milliseconds,8:0.00} ms  p99 {r.CpuP99Milliseconds,8:0.00} ms  ({r.Queries} queries)");
                        await output.WriteLineAsync($"{"",-26}allocated {r.AllocatedBytesPerQuery / 1024.0,8:0} KiB/query (p99 {r.AllocatedBytesP99 / 1024.0:0} KiB; process {r.ProcessAllocatedBytesPerQuery / 1024.0:0} KiB)  " +
                            $"collections gen0 {r.Gen0Collections} gen1 {r.Gen1Collections} gen2 {r.Gen2Collections}  pauses {r.GcPauseTotalMilliseconds:0.0} ms (per query p99 {r.GcPauseP99Milliseconds:0.00} ms, max {r.GcPauseMaxMilliseconds:0.00} ms)");
                        await output.WriteLineAsync($"{"",-26}{r.ThroughputPerSecond:0.0} queries/s over {r.WallSeconds:0.00} s, cpu {r.CpuMillisecondsPerQuery:0.00} ms/query; {r.Entries} entries, pages {r.PagesSha256[..16]}");
                    }
                }
            }
            finally
            {
                if (!postgres && parse.GetValue(file) is null)
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    foreach (var suffix in new[] { "", "-wal", "-shm" })
                    {
                        File.Delete(path + suffix);
                    }
                }
            }

            return 0;
        });
        return command;
    }
}
