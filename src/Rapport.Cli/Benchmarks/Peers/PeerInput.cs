using System.Runtime.InteropServices;
using System.Text.Json;
using Rapport.Trust.Graph;

namespace Rapport.Cli.Benchmarks.Peers;

/// <summary>
/// What the peer scripts read, in a directory of their own: <c>graph.json</c> (nodes, edges, damping), the filtered
/// dense-id edge list as three little-endian arrays (<c>from.i32</c>, <c>to.i32</c>, <c>weight.f32</c>, the raw trust
/// values: each script row-normalises them) and <c>sources.i32</c>. Binary, so 10^7 edges load in a blink.
/// </summary>
internal static class PeerInput
{
    /// <summary>The damping the engine's personalized PageRank uses (continue with 0.85, restart at the viewer with 0.15).</summary>
    public const double Damping = 0.85;

    public static void Write(string directory, int nodeCount, ReadOnlySpan<StatementEdge> edges, ReadOnlySpan<int> sources)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new CliException("peer input files are little-endian; this machine is not.");
        }

        var from = new int[edges.Length];
        var to = new int[edges.Length];
        var weight = new float[edges.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            (from[i], to[i], weight[i]) = (edges[i].From, edges[i].To, edges[i].Value);
        }

        File.WriteAllBytes(Path.Combine(directory, "from.i32"), MemoryMarshal.AsBytes(from.AsSpan()));
        File.WriteAllBytes(Path.Combine(directory, "to.i32"), MemoryMarshal.AsBytes(to.AsSpan()));
        File.WriteAllBytes(Path.Combine(directory, "weight.f32"), MemoryMarshal.AsBytes(weight.AsSpan()));
        File.WriteAllBytes(Path.Combine(directory, "sources.i32"), MemoryMarshal.AsBytes(sources));
        File.WriteAllText(Path.Combine(directory, "graph.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["nodes"] = nodeCount,
            ["edges"] = edges.Length,
            ["sources"] = sources.Length,
            ["damping"] = Damping,
        }));
    }
}
