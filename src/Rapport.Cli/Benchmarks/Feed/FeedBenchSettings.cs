namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// The generated network's size and the timing run's shape. <see cref="Concurrency"/> workers share each line's viewers
/// (1: one query at a time).
/// </summary>
internal sealed record FeedBenchSettings(int People, int TrustEdges, int Recommendations, int Items, int Topics, int Viewers, int WarmUp, int Seed, int Concurrency = 1)
{
    /// <summary>The most concurrent requests the bench runs: far beyond what 2 cores serve, small enough to stay a feed bench.</summary>
    public const int MaxConcurrency = 64;

    public static FeedBenchSettings Default { get; } = new(100_000, 1_000_000, 1_000_000, 200_000, 50, 200, 20, 1);
}
