using System.Text.Json.Serialization;
using Rapport.Cli.Benchmarks;

namespace Rapport.Cli.Evaluation.Recsys;

/// <summary>What <c>rapport eval recsys --json</c> prints: one object. Field names are the documented schema (docs/recommendations.md).</summary>
internal sealed record RecsysReport
{
    [JsonPropertyName("dataset")] public required string Dataset { get; init; }
    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("folds")] public required int Folds { get; init; }
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    [JsonPropertyName("users")] public required int Users { get; init; }
    [JsonPropertyName("items")] public required int Items { get; init; }
    [JsonPropertyName("ratings")] public required int Ratings { get; init; }
    [JsonPropertyName("duplicate_ratings_removed")] public required int DuplicateRatingsRemoved { get; init; }
    [JsonPropertyName("trust_edges")] public required int TrustEdges { get; init; }
    [JsonPropertyName("trust_rows_removed")] public required int TrustRowsRemoved { get; init; }
    [JsonPropertyName("cold_start_below")] public required int ColdStartBelow { get; init; }
    [JsonPropertyName("models")] public required IReadOnlyList<RecsysRow> Models { get; init; }
    [JsonPropertyName("machine")] public required MachineInfo Machine { get; init; }
}

/// <summary>
/// One model over all folds: errors over the test ratings it predicted (every rating is tested once), the share it
/// predicted, the same for cold-start users' ratings, and its training time per fold: wall-clock and CPU (summed
/// over all threads; under load the wall time grows, the CPU time much less), as the mean and fold by fold. Errors are
/// null when the model predicted nothing. The cold-start RMSE comes with a 95 % bootstrap interval over users
/// (<see cref="ColdErrorInterval"/>).
/// </summary>
internal sealed record RecsysRow(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("uses_trust")] bool UsesTrust,
    [property: JsonPropertyName("mae")] double? Mae,
    [property: JsonPropertyName("rmse")] double? Rmse,
    [property: JsonPropertyName("coverage")] double Coverage,
    [property: JsonPropertyName("cold_mae")] double? ColdMae,
    [property: JsonPropertyName("cold_rmse")] double? ColdRmse,
    [property: JsonPropertyName("cold_rmse_interval")] IReadOnlyList<double>? ColdRmseInterval,
    [property: JsonPropertyName("cold_coverage")] double ColdCoverage,
    [property: JsonPropertyName("train_seconds")] double TrainSeconds,
    [property: JsonPropertyName("train_cpu_seconds")] double TrainCpuSeconds,
    [property: JsonPropertyName("fold_train_seconds")] IReadOnlyList<double> FoldTrainSeconds,
    [property: JsonPropertyName("fold_train_cpu_seconds")] IReadOnlyList<double> FoldTrainCpuSeconds);
