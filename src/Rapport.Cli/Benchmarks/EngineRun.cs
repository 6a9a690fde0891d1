using System.Diagnostics;
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
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
                t => perThread[t] = TimeQueries(engine, snapshot, options, sources, tops, ticks, t, threads));
            allocated = perThread.Sum();
        }

        return new EngineMeasurement(sources.Length, Latency.FromTicks(ticks), allocated / (double)Math.Max(1, sources.Length), tops);
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
