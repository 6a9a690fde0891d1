using System.Text.Json.Serialization;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// One line of <c>bench feed</c>: the feed view and topic, its per-query latency (wall clock, as a request would wait) and
/// the process CPU time per query (what the machine's other load does not change much), and how many queries were timed.
/// </summary>
internal sealed record FeedBenchResult(
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("p50_ms")] double P50Milliseconds,
    [property: JsonPropertyName("p99_ms")] double P99Milliseconds,
    [property: JsonPropertyName("cpu_p50_ms")] double CpuP50Milliseconds,
    [property: JsonPropertyName("cpu_p99_ms")] double CpuP99Milliseconds,
    [property: JsonPropertyName("queries")] int Queries);

/// <summary>The JSON of <c>bench feed --json</c>.</summary>
internal sealed record FeedBenchReport(
    [property: JsonPropertyName("people")] int People,
    [property: JsonPropertyName("trust_statements")] int TrustStatements,
    [property: JsonPropertyName("recommendations")] int Recommendations,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("seed_seconds")] double SeedSeconds,
    [property: JsonPropertyName("results")] IReadOnlyList<FeedBenchResult> Results,
    [property: JsonPropertyName("machine")] MachineInfo Machine);
