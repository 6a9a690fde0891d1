using System.Text.Json.Serialization;

namespace Rapport.Cli.Benchmarks;

/// <summary>What <c>rapport bench trust --json</c> prints: one object. Field names are the documented schema (docs/benchmarks.md).</summary>
internal sealed record TrustBenchReport
{
    [JsonPropertyName("graph")] public required string Graph { get; init; }
    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("nodes")] public required int Nodes { get; init; }
    [JsonPropertyName("edges")] public required int Edges { get; init; }
    [JsonPropertyName("distrust_edges")] public required int DistrustEdges { get; init; }
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    [JsonPropertyName("queries")] public required int Queries { get; init; }
    [JsonPropertyName("reference_queries")] public required int ReferenceQueries { get; init; }
    [JsonPropertyName("damping")] public required double Damping { get; init; }
    [JsonPropertyName("load_ms")] public required double LoadMilliseconds { get; init; }
    [JsonPropertyName("build_ms")] public required double BuildMilliseconds { get; init; }
    [JsonPropertyName("bytes_per_edge")] public required double BytesPerEdge { get; init; }
    [JsonPropertyName("build_allocated_bytes")] public required long BuildAllocatedBytes { get; init; }
    [JsonPropertyName("reference")] public required string Reference { get; init; }
    [JsonPropertyName("reference_agreement")] public required ReferenceAgreement? ReferenceAgreement { get; init; }
    [JsonPropertyName("results")] public required IReadOnlyList<ResultRow> Results { get; init; }
    [JsonPropertyName("skipped")] public required IReadOnlyList<SkippedRow> Skipped { get; init; }
    [JsonPropertyName("machine")] public required MachineInfo Machine { get; init; }
}

/// <summary>One measured (engine, algorithm, tier). Peers have no allocation figure; only Rapport rows have a ratio.</summary>
internal sealed record ResultRow
{
    [JsonPropertyName("engine")] public required string Engine { get; init; }
    [JsonPropertyName("algorithm")] public required string Algorithm { get; init; }
    [JsonPropertyName("tier")] public required string Tier { get; init; }
    [JsonPropertyName("queries")] public required int Queries { get; init; }
    [JsonPropertyName("p50_us")] public required double P50Microseconds { get; init; }
    [JsonPropertyName("p99_us")] public required double P99Microseconds { get; init; }
    [JsonPropertyName("recall_at_10")] public required double? RecallAt10 { get; init; }
    [JsonPropertyName("recall_queries")] public required int RecallQueries { get; init; }
    [JsonPropertyName("allocated_bytes_per_query")] public required double? AllocatedBytesPerQuery { get; init; }
    [JsonPropertyName("ratio_to_fastest_peer")] public double? RatioToFastestPeer { get; init; }
    [JsonPropertyName("fastest_peer")] public string? FastestPeer { get; init; }
    [JsonPropertyName("speedup_at_matched_recall")] public double? SpeedupAtMatchedRecall { get; init; }
    [JsonPropertyName("matched_peer")] public string? MatchedPeer { get; init; }
    [JsonPropertyName("note")] public string? Note { get; init; }
}

/// <summary>An (engine, algorithm, tier) that was not measured, and why.</summary>
internal sealed record SkippedRow(
    [property: JsonPropertyName("engine")] string Engine,
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("tier")] string? Tier,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>How far the engine's exact tier and the SciPy peer agree: recall@10 of SciPy's lists against the engine's.</summary>
internal sealed record ReferenceAgreement(
    [property: JsonPropertyName("peer")] string Peer,
    [property: JsonPropertyName("recall_at_10")] double RecallAt10,
    [property: JsonPropertyName("worst_query_recall")] double WorstQueryRecall,
    [property: JsonPropertyName("queries")] int Queries);
