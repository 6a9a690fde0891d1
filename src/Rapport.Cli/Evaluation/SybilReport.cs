using System.Text.Json.Serialization;
using Rapport.Cli.Benchmarks;

namespace Rapport.Cli.Evaluation;

/// <summary>What <c>rapport eval sybil --json</c> prints: one object. Field names are the documented schema (docs/benchmarks.md).</summary>
internal sealed record SybilReport
{
    [JsonPropertyName("graph")] public required string Graph { get; init; }
    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("nodes")] public required int Nodes { get; init; }
    [JsonPropertyName("edges")] public required int Edges { get; init; }
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    [JsonPropertyName("sybils")] public required int Sybils { get; init; }
    [JsonPropertyName("sybil_out_degree")] public required int SybilOutDegree { get; init; }
    [JsonPropertyName("honest_viewers")] public required int HonestViewers { get; init; }
    [JsonPropertyName("tier")] public required string Tier { get; init; }
    [JsonPropertyName("quality_bar")] public required QualityBar QualityBar { get; init; }
    [JsonPropertyName("results")] public required IReadOnlyList<SybilRow> Results { get; init; }
    [JsonPropertyName("skipped")] public required IReadOnlyList<SkippedRow> Skipped { get; init; }
    [JsonPropertyName("machine")] public required MachineInfo Machine { get; init; }
}

/// <summary>QUALITY.md's line: sybils take at most this share of honest top-10 slots at this many attack edges.</summary>
internal sealed record QualityBar(
    [property: JsonPropertyName("attack_edges")] int AttackEdges,
    [property: JsonPropertyName("max_sybil_share_top10")] double MaxSybilShare)
{
    public static QualityBar Default { get; } = new(3, 0.01);
}

/// <summary>
/// One algorithm under one attack: of the top-10 slots the honest viewers' lists filled, how many went to sybils.
/// <see cref="MeetsQualityBar"/> is set only at the bar's number of attack edges.
/// </summary>
internal sealed record SybilRow(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("attack_edges")] int AttackEdges,
    [property: JsonPropertyName("viewers")] int Viewers,
    [property: JsonPropertyName("filled_slots")] int FilledSlots,
    [property: JsonPropertyName("sybil_slots")] int SybilSlots,
    [property: JsonPropertyName("sybil_share_top10")] double SybilShareTop10,
    [property: JsonPropertyName("viewers_with_sybils")] int ViewersWithSybils,
    [property: JsonPropertyName("meets_quality_bar")] bool? MeetsQualityBar);
