namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>The generated network's size and the timing run's shape.</summary>
internal sealed record FeedBenchSettings(int People, int TrustEdges, int Recommendations, int Items, int Topics, int Viewers, int WarmUp, int Seed)
{
    public static FeedBenchSettings Default { get; } = new(100_000, 1_000_000, 1_000_000, 200_000, 50, 200, 20, 1);
}
