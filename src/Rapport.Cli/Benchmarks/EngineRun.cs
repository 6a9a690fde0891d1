using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Rapport.Cli.Scoring;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Benchmarks;

/// <summary>What one (algorithm, tier) measured: per-query latency, allocations and the lists it returned.</summary>
internal sealed record EngineMeasurement(int Queries, Latency Latency, double AllocatedBytesPerQuery, TopLists Tops);

/// <summary>
/// Times <see cref="TrustEngine.Top"/> query by query: a warm-up first (JIT tiering, caches), then each query between two
/// <see cref="Stopwatch"/> timestamps, with the thread's allocated bytes read outside the timed span. On one thread,
/// except when asked for more (the PPR reference, which is not a target: its queries run side by side, one per thread,
/// each still timed on its own).
/// </summary>
internal static class EngineRun
{
    /// <summary>Warm-up queries before timing; enough calls for tiered JIT to promote the hot methods.</summary>
    public const int WarmupQueries = 50;

    /// <summary>
    /// The warm-up also stops once it has run this long (after at least one query): on the 10M-edge graph an exact query
    /// takes seconds, and 50 of them would double the row's time for no better timing (long loops tier up on the stack).
    /// </summary>
    public static readonly TimeSpan WarmupBudget = TimeSpan.FromSeconds(2);

    /// <exception cref="NotSupportedException">The engine does not offer this algorithm or tier.</exception>
    public static EngineMeasurement Run(TrustEngine engine, TrustSnapshot snapshot, TrustQueryOptions options, int[] sources, int width, int threads = 1)
    {
        var warmup = new ScoredNode[width];
        var warmupStart = Stopwatch.GetTimestamp();
        for (var i = 0; i < Math.Min(WarmupQueries, sources.Length); i++)
        {
            engine.Top(snapshot, sources[i], options, warmup);
            if (Stopwatch.GetElapsedTime(warmupStart) >= WarmupBudget)
            {
                break;
            }
        }

        if (threads > 1)
        {
            // One query per thread, started together, so that (unless a thread is held up) the engine's pool holds a
            // workspace for each before timing starts and the timed queries allocate none.
            using var together = new Barrier(threads);
            OnThreads(threads, _ =>
            {
                var into = new ScoredNode[width];
                together.SignalAndWait();
                engine.Top(snapshot, sources[0], options, into);
            });
        }

        var tops = new TopLists(sources.Length, width);
        var ticks = new long[sources.Length];

        // Collect what earlier rows left behind, so their garbage is not collected inside this row's timings.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long allocated;
        if (threads <= 1)
        {
            allocated = TimeQueries(engine, snapshot, options, sources, tops, ticks, 0, 1);
        }
        else
        {
            var perThread = new long[threads];
            OnThreads(threads, t => perThread[t] = TimeQueries(engine, snapshot, options, sources, tops, ticks, t, threads));
            allocated = perThread.Sum();
        }

        return new EngineMeasurement(sources.Length, Latency.FromTicks(ticks), allocated / (double)Math.Max(1, sources.Length), tops);
    }

    /// <summary>
    /// Runs <paramref name="work"/>(0 … threads − 1) on that many dedicated threads, waits for all, and rethrows the
    /// first exception one of them threw (so a <see cref="NotSupportedException"/> reaches the caller as on one thread).
    /// </summary>
    private static void OnThreads(int threads, Action<int> work)
    {
        var started = new Thread[threads];
        var failures = new ExceptionDispatchInfo?[threads];
        for (var t = 0; t < threads; t++)
        {
            var index = t;
            started[t] = new Thread(() =>
            {
                try
                {
                    work(index);
                }
                catch (Exception e)
                {
                    failures[index] = ExceptionDispatchInfo.Capture(e);
                }
            }) { IsBackground = true };
            started[t].Start();
        }

        foreach (var thread in started)
        {
            thread.Join();
        }

        failures.FirstOrDefault(f => f is not null)?.Throw();
    }

    /// <summary>Times queries first, first + stride, …; returns the bytes they allocated.</summary>
    private static long TimeQueries(TrustEngine engine, TrustSnapshot snapshot, TrustQueryOptions options, int[] sources, TopLists tops, long[] ticks, int first, int stride)
    {
        long allocated = 0;
        for (var q = first; q < sources.Length; q += stride)
        {
            var slot = tops.Slot(q);
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var count = engine.Top(snapshot, sources[q], options, slot);
            var end = Stopwatch.GetTimestamp();
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            ticks[q] = end - start;
            tops.SetCount(q, count);
        }

        return allocated;
    }
}
