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
/// during it are recorded, and each line counts the collections its timed queries caused. With a concurrency above 1,
/// that many requests run at once (<see cref="FeedBenchSettings.Concurrency"/>), and each line also says how many it
/// answered per second.
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
            results.Add(await TimeLineAsync(provided, viewers, topic, settings, cancellationToken));
        }

        return new FeedBenchReport(settings.People, network.TrustStatements, network.Recommendations, settings.Items, provider.ToString(),
            Math.Round(seedSeconds, 1), settings.Concurrency, results, FeedGcMode.Current(), MachineInfo.Current(time));
    }

    /// <summary>
    /// One line: the warm-up viewers, then the timed ones, shared among <see cref="FeedBenchSettings.Concurrency"/>
    /// workers (worker w takes every w-th viewer; one worker runs on the caller as before), each query in its own scope
    /// as ASP.NET Core gives a request. With one worker the line's collections are the sum over its queries; with more
    /// the queries overlap, so they are those of the whole timed stretch.
    /// </summary>
    private static async Task<FeedBenchResult> TimeLineAsync(
        ServiceProvider provided, IReadOnlyList<Guid> viewers, string? topic, FeedBenchSettings settings, CancellationToken cancellationToken)
    {
        var warmUp = viewers.Take(settings.WarmUp).ToList();
        var timedViewers = viewers.Skip(settings.WarmUp).ToList();
        await RunWorkersAsync(warmUp, settings.Concurrency, (viewer, _, dispatch) => QueryAsync(provided, viewer, topic, dispatch, cancellationToken));

        var samples = new FeedSample[timedViewers.Count];
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var gcBefore = FeedGcCounts.Now();
        var wall = Stopwatch.StartNew();
        await RunWorkersAsync(timedViewers, settings.Concurrency, async (viewer, i, dispatch) => samples[i] = await QueryAsync(provided, viewer, topic, dispatch, cancellationToken));
        var wallSeconds = wall.Elapsed.TotalSeconds;
        var window = FeedGcCounts.Now() - gcBefore;
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        var timed = settings.Concurrency == 1
            ? samples.Aggregate(default(FeedGcCounts), (sum, s) => new FeedGcCounts(sum.Gen0 + s.Gc.Gen0, sum.Gen1 + s.Gc.Gen1, sum.Gen2 + s.Gc.Gen2, sum.Pauses + s.Gc.Pauses, sum.Allocated + s.Gc.Allocated))
            : window;

        // Latency takes any unit; these are milliseconds and bytes.
        var latency = Latency.FromMicroseconds(samples.Select(s => s.Milliseconds).ToList());
        var cpuTime = Latency.FromMicroseconds(samples.Select(s => s.CpuMilliseconds).ToList());
        var bytes = Latency.FromMicroseconds(samples.Select(s => s.Allocated).ToList());
        var processBytes = Latency.FromMicroseconds(samples.Select(s => (double)s.Gc.Allocated).ToList());
        var paused = Latency.FromMicroseconds(samples.Select(s => s.Gc.Pauses.TotalMilliseconds).ToList());
        return new FeedBenchResult("trusted", topic, Math.Round(latency.P50Microseconds, 2), Math.Round(latency.P99Microseconds, 2),
            Math.Round(cpuTime.P50Microseconds, 2), Math.Round(cpuTime.P99Microseconds, 2), samples.Length,
            (long)bytes.P50Microseconds, (long)bytes.P99Microseconds, (long)processBytes.P50Microseconds, timed.Gen0, timed.Gen1, timed.Gen2,
            Math.Round(timed.Pauses.TotalMilliseconds, 2), Math.Round(paused.P99Microseconds, 2), Math.Round(samples.Max(s => s.Gc.Pauses.TotalMilliseconds), 2),
            Math.Round(wallSeconds, 3), Math.Round(samples.Length / wallSeconds, 1), Math.Round(cpuSeconds * 1000 / samples.Length, 2),
            samples.Sum(s => s.Entries), FeedPageDigest.Combine(samples.Select(s => s.Page)));
    }

    /// <summary>
    /// Runs <paramref name="query"/> for each viewer (with its position and whether it was dispatched): on the caller, in
    /// order, for one worker; else on <paramref name="workers"/> concurrent workers, worker w taking positions w,
    /// w + workers, …, each query dispatched to the thread pool as ASP.NET Core dispatches a request.
    /// </summary>
    private static async Task RunWorkersAsync(IReadOnlyList<Guid> viewers, int workers, Func<Guid, int, bool, Task> query)
    {
        if (workers == 1)
        {
            for (var i = 0; i < viewers.Count; i++)
            {
                await query(viewers[i], i, false);
            }

            return;
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            for (var i = w; i < viewers.Count; i += workers)
            {
                await query(viewers[i], i, true);
            }
        }));
    }

    /// <summary>
    /// One feed request in its own scope, timed: wall clock, the process's CPU time during it (every thread: with
    /// concurrent workers, theirs too), the bytes it allocated, and the collector's work meanwhile. A dispatched request
    /// first waits for a thread of the pool (SQLite's I/O is synchronous, so without that a worker would keep its thread
    /// for its whole share), and its wall time counts that wait, as a request's does on a busy server.
    /// </summary>
    private static async Task<FeedSample> QueryAsync(ServiceProvider provided, Guid viewer, string? topic, bool dispatch, CancellationToken cancellationToken)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var gcBefore = FeedGcCounts.Now();
        var started = Stopwatch.GetTimestamp();
        if (dispatch)
        {
            await Task.Yield();
        }

        await using var scope = provided.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<GetRecommendedFeed>();
        var thread = Environment.CurrentManagedThreadId;
        var threadBytes = GC.GetAllocatedBytesForCurrentThread();
        if (!dispatch)
        {
            (cpu, gcBefore, started) = (Environment.CpuUsage.TotalTime, FeedGcCounts.Now(), Stopwatch.GetTimestamp());
        }

        var outcome = await feed.ExecuteAsync(viewer, topic, FeedOrder.Trusted, new PageRequest(PageSize, 0), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        threadBytes = GC.GetAllocatedBytesForCurrentThread() - threadBytes;
        var gc = FeedGcCounts.Now() - gcBefore;
        var cpuMilliseconds = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        // The thread's count misses what a query allocates after an await resumes it on another thread (PostgreSQL's
        // I/O), and means nothing when it ends on another thread (then the whole process's count stands in): the whole
        // process's count has that too, and whatever else the process did (other workers' queries included).
        var allocated = thread == Environment.CurrentManagedThreadId ? threadBytes : gc.Allocated;
        return new FeedSample(elapsed.TotalMilliseconds, cpuMilliseconds, allocated, gc, outcome.Value?.Entries.Count ?? 0, FeedPageDigest.Of(outcome.Value));
    }

    private sealed record FeedSample(double Milliseconds, double CpuMilliseconds, double Allocated, FeedGcCounts Gc, int Entries, byte[] Page);
}
