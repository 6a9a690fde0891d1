using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rapport.Core;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// Generates <see cref="FeedBenchNetwork"/> into a fresh database, then times <see cref="GetRecommendedFeed"/> (trusted
/// view, first page of 20) for sampled viewers who trust someone, without a topic and on the most common topic, each
/// query in its own scope as a request would be, after a warm-up that also loads the trust graph and the recommendation
/// index. Each query's wall time, the process's CPU time during it, the bytes it allocated and the collector's pauses
/// during it are recorded, and each line counts the collections its timed queries caused.
/// </summary>
internal static class FeedBenchmark
{
    private const int PageSize = 20;

    public static async Task<FeedBenchReport> RunAsync(
        FeedBenchSettings settings, DatabaseProvider provider, string connectionString, bool reuse, TimeProvider time, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rapport:Database:Provider"] = provider.ToString(),
            ["Rapport:Database:ConnectionString"] = connectionString,
            ["Rapport:DataDirectory"] = Path.GetTempPath(),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddRapportCore(configuration);
        if (Environment.GetEnvironmentVariable("RAPPORT_FEED_PROBE") is not null)
        {
            services.AddLogging(b => b.AddProvider(new FeedProbe()));
        }

        await using var provided = services.BuildServiceProvider();
        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            await DatabaseRegistration.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseSettings>(), cancellationToken);
        }

        var stopwatch = Stopwatch.StartNew();
        var network = new FeedBenchNetwork(settings);
        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            if (reuse)
            {
                await network.ReadAsync(db, cancellationToken);
            }
            else
            {
                await network.WriteAsync(db, time.GetUtcNow(), cancellationToken);
            }
        }

        var seedSeconds = stopwatch.Elapsed.TotalSeconds;
        await provided.GetRequiredService<TrustGraphStore>().GetAsync(cancellationToken);

        var random = new Random(settings.Seed + 1);
        var viewers = Enumerable.Range(0, settings.Viewers + settings.WarmUp).Select(_ => network.People[random.Next(Math.Min(network.People.Length, settings.People / 10))]).ToList();
        var results = new List<FeedBenchResult>();
        foreach (var topic in new[] { null, FeedBenchNetwork.TopicName(0) })
        {
            var milliseconds = new List<double>();
            var cpuMilliseconds = new List<double>();
            var allocated = new List<double>();
            var processAllocated = new List<double>();
            var pauses = new List<double>();
            using var process = Process.GetCurrentProcess();
            var timed = default(FeedGcCounts);
            for (var i = 0; i < viewers.Count; i++)
            {
                await using var scope = provided.CreateAsyncScope();
                var feed = scope.ServiceProvider.GetRequiredService<GetRecommendedFeed>();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var gcBefore = FeedGcCounts.Now();
                var thread = Environment.CurrentManagedThreadId;
                var threadBytes = GC.GetAllocatedBytesForCurrentThread();
                var started = Stopwatch.GetTimestamp();
                await feed.ExecuteAsync(viewers[i], topic, FeedOrder.Trusted, new PageRequest(PageSize, 0), cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started);
                threadBytes = GC.GetAllocatedBytesForCurrentThread() - threadBytes;
                var gc = FeedGcCounts.Now() - gcBefore;
                if (i >= settings.WarmUp)
                {
                    milliseconds.Add(elapsed.TotalMilliseconds);
                    process.Refresh();
                    cpuMilliseconds.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
                    // The thread's count misses what a query allocates after an await resumes it on another thread
                    // (PostgreSQL's I/O), and means nothing when it ends on another thread (then the whole process's
                    // count stands in): the whole process's count has that too, and whatever else the process did.
                    allocated.Add(thread == Environment.CurrentManagedThreadId ? threadBytes : gc.Allocated);
                    processAllocated.Add(gc.Allocated);
                    pauses.Add(gc.Pauses.TotalMilliseconds);
                    timed = new FeedGcCounts(timed.Gen0 + gc.Gen0, timed.Gen1 + gc.Gen1, timed.Gen2 + gc.Gen2, timed.Pauses + gc.Pauses, timed.Allocated + gc.Allocated);
                }
            }

            // Latency takes any unit; these are milliseconds and bytes.
            var latency = Latency.FromMicroseconds(milliseconds);
            var cpuTime = Latency.FromMicroseconds(cpuMilliseconds);
            var bytes = Latency.FromMicroseconds(allocated);
            var processBytes = Latency.FromMicroseconds(processAllocated);
            var paused = Latency.FromMicroseconds(pauses);
            results.Add(new FeedBenchResult("trusted", topic, Math.Round(latency.P50Microseconds, 2), Math.Round(latency.P99Microseconds, 2),
                Math.Round(cpuTime.P50Microseconds, 2), Math.Round(cpuTime.P99Microseconds, 2), milliseconds.Count,
                (long)bytes.P50Microseconds, (long)bytes.P99Microseconds, (long)processBytes.P50Microseconds, timed.Gen0, timed.Gen1, timed.Gen2,
                Math.Round(timed.Pauses.TotalMilliseconds, 2), Math.Round(paused.P99Microseconds, 2), Math.Round(pauses.Max(), 2)));
        }

        return new FeedBenchReport(settings.People, network.TrustStatements, network.Recommendations, settings.Items, provider.ToString(),
            Math.Round(seedSeconds, 1), results, FeedGcMode.Current(), MachineInfo.Current(time));
    }
}
