using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Rapport.Cli.Benchmarks;

/// <summary>Where and when a report was measured, so a number is never quoted without its machine.</summary>
internal sealed record MachineInfo(
    [property: JsonPropertyName("processors")] int Processors,
    [property: JsonPropertyName("os")] string OperatingSystem,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("build")] string Build,
    [property: JsonPropertyName("measured_at")] DateTimeOffset MeasuredAt)
{
    public static MachineInfo Current(TimeProvider time) => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
#if DEBUG
        "Debug (use -c Release for figures)",
#else
        "Release",
#endif
        time.GetUtcNow());
}
