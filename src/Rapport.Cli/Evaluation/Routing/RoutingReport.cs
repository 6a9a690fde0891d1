using System.Text.Json.Serialization;
using Rapport.Cli.Benchmarks;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>What <c>rapport eval routing --json</c> prints: one object. Field names are the documented schema (docs/routing.md).</summary>
internal sealed record RoutingReport
{
    [JsonPropertyName("site")] public required string Site { get; init; }
    [JsonPropertyName("split")] public required double Split { get; init; }
    [JsonPropertyName("cutoff")] public required DateTimeOffset Cutoff { get; init; }
    [JsonPropertyName("questions")] public required int Questions { get; init; }
    [JsonPropertyName("test_questions")] public required int TestQuestions { get; init; }
    [JsonPropertyName("test_questions_with_accepted")] public required int TestQuestionsWithAccepted { get; init; }
    [JsonPropertyName("validation_questions")] public required int ValidationQuestions { get; init; }
    [JsonPropertyName("validation_blocks")] public required IReadOnlyList<ValidationBlock> ValidationBlocks { get; init; }
    [JsonPropertyName("mean_candidates")] public required double MeanCandidates { get; init; }
    [JsonPropertyName("tuned")] public required bool Tuned { get; init; }
    [JsonPropertyName("parameters")] public required ParameterValues Parameters { get; init; }
    [JsonPropertyName("methods")] public required IReadOnlyList<RoutingMetrics> Methods { get; init; }
    [JsonPropertyName("ablations")] public required IReadOnlyList<RoutingMetrics> Ablations { get; init; }
    [JsonPropertyName("validation")] public required IReadOnlyList<RoutingMetrics> Validation { get; init; }
    [JsonPropertyName("comparison")] public required RoutingComparisons Comparison { get; init; }
    [JsonPropertyName("learned")] public required LearnedRanker Learned { get; init; }
    [JsonPropertyName("tuning")] public required IReadOnlyList<GridPoint> Tuning { get; init; }
    [JsonPropertyName("machine")] public required MachineInfo Machine { get; init; }
}
