using System.Text.Json;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Benchmarks.Peers;

/// <summary>
/// Reads a peer script's standard output, one JSON object per line, as the script prints them:
/// <c>{"peer", "version", "load_ms"}</c> once, <c>{"source", "us", "top": [[node, score], …]}</c> per query, or
/// <c>{"skipped": reason}</c> when a module is missing. Lines arrive one by one, so a run stopped by its timeout keeps
/// the queries it finished.
/// </summary>
internal sealed class PeerOutput
{
    private readonly List<PeerQuery> _queries = [];

    public IReadOnlyList<PeerQuery> Queries => _queries;

    public string? Version { get; private set; }

    public double? LoadMilliseconds { get; private set; }

    public string? SkippedReason { get; private set; }

    /// <summary>The first line that was not one of the shapes above.</summary>
    public string? Unreadable { get; private set; }

    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("skipped", out var skipped))
            {
                SkippedReason = skipped.GetString();
            }
            else if (root.TryGetProperty("source", out var source))
            {
                _queries.Add(new PeerQuery(source.GetInt32(), root.GetProperty("us").GetDouble(), Top(root.GetProperty("top"))));
            }
            else if (root.TryGetProperty("peer", out _))
            {
                Version = root.TryGetProperty("version", out var version) ? version.GetString() : null;
                LoadMilliseconds = root.TryGetProperty("load_ms", out var load) ? load.GetDouble() : null;
            }
            else
            {
                Unreadable ??= line;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            Unreadable ??= line;
        }
    }

    private static ScoredNode[] Top(JsonElement top) =>
        [.. top.EnumerateArray().Select(pair => new ScoredNode(pair[0].GetInt32(), pair[1].GetSingle()))];
}
