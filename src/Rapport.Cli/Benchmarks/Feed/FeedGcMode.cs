using System.Runtime;
using System.Text.Json.Serialization;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// The garbage collector this process runs under, so a feed figure says which server it speaks for: server or
/// workstation, concurrent (background) or not, the latency mode, and every setting the runtime reports
/// (<see cref="GC.GetConfigurationVariables"/>: heap count, DATAS, conserve-memory and the rest).
/// </summary>
internal sealed record FeedGcMode(
    [property: JsonPropertyName("server")] bool Server,
    [property: JsonPropertyName("concurrent")] bool Concurrent,
    [property: JsonPropertyName("latency_mode")] string LatencyMode,
    [property: JsonPropertyName("configuration")] IReadOnlyDictionary<string, string> Configuration)
{
    public static FeedGcMode Current()
    {
        var configuration = GC.GetConfigurationVariables()
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        var concurrent = configuration.TryGetValue("ConcurrentGC", out var value) && bool.TryParse(value, out var on) && on;
        return new FeedGcMode(GCSettings.IsServerGC, concurrent, GCSettings.LatencyMode.ToString(), configuration);
    }
}
