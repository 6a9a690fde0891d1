using System.Reflection;
using System.Runtime;
using System.Text.Json.Serialization;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// The garbage collector this process runs under, so a feed figure says which server it speaks for: server or
/// workstation, concurrent (background) or not, the latency mode, and every setting the runtime reports
/// (<see cref="GC.GetConfigurationVariables"/>: heap count, DATAS, conserve-memory and the rest), and whether that is
/// the web app's collector (<see cref="AsWebApp"/>: server and concurrent as <c>src/GarbageCollection.props</c>, which
/// the web app and this CLI both import, sets them; false when <c>DOTNET_gcServer</c> or the like overrode it).
/// </summary>
internal sealed record FeedGcMode(
    [property: JsonPropertyName("server")] bool Server,
    [property: JsonPropertyName("concurrent")] bool Concurrent,
    [property: JsonPropertyName("latency_mode")] string LatencyMode,
    [property: JsonPropertyName("as_web_app")] bool AsWebApp,
    [property: JsonPropertyName("configuration")] IReadOnlyDictionary<string, string> Configuration)
{
    public static FeedGcMode Current()
    {
        var configuration = GC.GetConfigurationVariables()
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        var concurrent = configuration.TryGetValue("ConcurrentGC", out var value) && bool.TryParse(value, out var on) && on;
        var asWebApp = WebApp("ServerGarbageCollection") == GCSettings.IsServerGC && WebApp("ConcurrentGarbageCollection") == concurrent;
        return new FeedGcMode(GCSettings.IsServerGC, concurrent, GCSettings.LatencyMode.ToString(), asWebApp, configuration);
    }

    /// <summary>The web app's setting, as the build wrote it into this assembly.</summary>
    private static bool WebApp(string setting)
    {
        var value = typeof(FeedGcMode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == $"Rapport.WebApp.{setting}").Value;
        return bool.Parse(value ?? throw new InvalidOperationException($"The build left Rapport.WebApp.{setting} empty."));
    }
}
