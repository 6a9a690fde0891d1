using BenchmarkDotNet.Attributes;
using Rapport.Trust.Topics;

namespace Rapport.Benchmarks.Topics;

/// <summary>
/// <see cref="Topic.Normalize"/> runs on every competence saved and every topic searched: an already-normal name,
/// one with stray case and spaces, and full-width characters that NFKC folds.
/// </summary>
[MemoryDiagnoser]
public class TopicNormalizeBenchmarks
{
    [Params("piloting", "  Sea   Kayaking  ", "ＳＯＵＲＤＯＵＧＨ ｂａｋｉｎｇ")]
    public string Raw { get; set; } = "";

    [Benchmark]
    public string? Normalize() => Topic.Normalize(Raw);
}
