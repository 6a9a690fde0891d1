namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// The collector's counters at one moment: collections per generation, total pause time and bytes allocated by the whole
/// process (precise). Differences between two of them are what a stretch of queries cost the GC, whatever the load.
/// </summary>
internal readonly record struct FeedGcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Pauses, long Allocated)
{
    public static FeedGcCounts Now() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));

    public static FeedGcCounts operator -(FeedGcCounts after, FeedGcCounts before) => new(
        after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Pauses - before.Pauses, after.Allocated - before.Allocated);
}
