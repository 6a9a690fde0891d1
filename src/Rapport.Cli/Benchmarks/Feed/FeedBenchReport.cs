using System.Text.Json.Serialization;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// One line of <c>bench feed</c>: the feed view and topic, its per-query latency (wall clock, as a request would wait) and
/// the process CPU time per query (what the machine's other load does not change much), how many queries were timed, the
/// bytes a query allocated (median and p99 of <see cref="GC.GetAllocatedBytesForCurrentThread"/>: exact where the query
/// runs on one thread, as SQLite's synchronous I/O does; the whole process's count for a query that ended on another
/// thread; and the median of the whole process's count, which also has
/// what runs after an await resumed on another thread, as with PostgreSQL), the collections of each generation during the timed queries
/// (<see cref="GC.CollectionCount"/>: a gen1 collection counts for gen0 too, a gen2 one for all three), the GC pause
/// time in all of them, and the p99 and the largest of one query's pause time: how much of its wait was the collector's.
/// Under concurrency (<see cref="FeedBenchReport.Concurrency"/> &gt; 1) the latencies are each request's wall time while
/// the others run (its wait for a thread included), the CPU and process-byte figures per query include the other
/// requests' work meanwhile, and the collections are those of the whole timed stretch. <see cref="WallSeconds"/> is that
/// stretch, <see cref="ThroughputPerSecond"/> the queries answered per second of it, <see cref="CpuMillisecondsPerQuery"/>
/// the process's CPU time in it per query; <see cref="Entries"/> and <see cref="PagesSha256"/> (a fingerprint of every
/// page, in the viewers' order) say what was answered, the same whatever the concurrency.
/// </summary>
internal sealed record FeedBenchResult(
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("p50_ms")] double P50Milliseconds,
    [property: JsonPropertyName("p99_ms")] double P99Milliseconds,
    [property: JsonPropertyName("cpu_p50_ms")] double CpuP50Milliseconds,
    [property: JsonPropertyName("cpu_p99_ms")] double CpuP99Milliseconds,
    [property: JsonPropertyName("queries")] int Queries,
    [property: JsonPropertyName("allocated_bytes_per_query")] long AllocatedBytesPerQuery,
    [property: JsonPropertyName("allocated_bytes_p99")] long AllocatedBytesP99,
    [property: JsonPropertyName("process_allocated_bytes_per_query")] long ProcessAllocatedBytesPerQuery,
    [property: JsonPropertyName("gen0_collections")] int Gen0Collections,
    [property: JsonPropertyName("gen1_collections")] int Gen1Collections,
    [property: JsonPropertyName("gen2_collections")] int Gen2Collections,
    [property: JsonPropertyName("gc_pause_total_ms")] double GcPauseTotalMilliseconds,
    [property: JsonPropertyName("gc_pause_p99_ms")] double GcPauseP99Milliseconds,
    [property: JsonPropertyName("gc_pause_max_ms")] double GcPauseMaxMilliseconds,
    [property: JsonPropertyName("wall_seconds")] double WallSeconds,
    [property: JsonPropertyName("throughput_per_second")] double ThroughputPerSecond,
    [property: JsonPropertyName("cpu_ms_per_query")] double CpuMillisecondsPerQuery,
    [property: JsonPropertyName("entries")] int Entries,
    [property: JsonPropertyName("pages_sha256")] string PagesSha256);

/// <summary>The JSON of <c>bench feed --json</c>; <see cref="Concurrency"/> is how many requests ran at once.</summary>
internal sealed record FeedBenchReport(
    [property: JsonPropertyName("people")] int People,
    [property: JsonPropertyName("trust_statements")] int TrustStatements,
    [property: JsonPropertyName("recommendations")] int Recommendations,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("seed_seconds")] double SeedSeconds,
    [property: JsonPropertyName("concurrency")] int Concurrency,
    [property: JsonPropertyName("results")] IReadOnlyList<FeedBenchResult> Results,
    [property: JsonPropertyName("gc_mode")] FeedGcMode GcMode,
    [property: JsonPropertyName("machine")] MachineInfo Machine);
