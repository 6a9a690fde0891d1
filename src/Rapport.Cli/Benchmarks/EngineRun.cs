using System.Diagnostics;
using Rapport.Cli.Scoring;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Benchmarks;

/// <summary>What one (algorithm, tier) measured: per-query latency, allocations and the lists it returned.</summary>
internal sealed record EngineMeasurement(int Queries, Latency Latency, double AllocatedBytesPerQuery, TopLists Tops);

/// <summary>
/// Times <see cref="TrustEngine.Top"/> query by query on one thread: a warm-up first (JIT tiering, caches), then each query
/// between two <see cref="Stopwatch"/> timestamps, with the thread's allocated bytes read outside the timed span.
/// </summary>
internal static class EngineRun
{
    /// <summary>Warm-up queries before timing; enough calls for tiered JIT to promote the hot methods.</summary>
    public const int WarmupQueries = 50;

    /// <exception cref="NotSupportedException">The engine does not offer this algorithm or tier.</exception>
    public static EngineMeasurement Run(TrustEngine engine, TrustSnapshot snapshot, TrustQueryOptions options, ReadOnlySpan<int> sources, int width)
    {
        var warmup = new ScoredNode[width];
        for (var i = 0; i < Math.Min(WarmupQueries, sources.Length); i++)
        {
            engine.Top(snapshot, sources[i], options, warmup);
        }

        var tops = new TopLists(sources.Length, width);
        var ticks = new long[sources.Length];
        long allocated = 0;

        // Collect what earlier rows left behind, so their garbage is not collected inside this row's timings.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        for (var q = 0; q < sources.Length; q++)
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

        return new EngineMeasurement(sources.Length, Latency.FromTicks(ticks), allocated / (double)Math.Max(1, sources.Length), tops);
    }
}
