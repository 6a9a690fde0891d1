namespace Rapport.Cli.Benchmarks.Peers;

/// <summary>A peer implementation of personalized PageRank, run as a Python script from <c>bench/peers/</c>.</summary>
/// <param name="Name">How reports name it.</param>
/// <param name="Script">The script's file name.</param>
/// <param name="Method">What it computes with, reported as the row's tier.</param>
/// <param name="DebianPackage">The package that provides its module.</param>
/// <param name="QueryCap">At most this many queries, for peers too slow to run them all.</param>
/// <param name="MaxEdges">Skipped above this many edges (it would not fit in memory or time).</param>
/// <param name="Note">What a reader of the row should know.</param>
internal sealed record Peer(string Name, string Script, string Method, string DebianPackage, int? QueryCap, long? MaxEdges, string Note)
{
    public static Peer SciPy { get; } = new("scipy", "scipy_ppr.py", "power-iteration", "python3-scipy", null, null,
        "CSR mat-vec power iteration until the L1 change is below 1e-10; dangling mass dropped, as the engine does.");

    public static Peer IGraph { get; } = new("igraph", "igraph_ppr.py", "prpack", "python3-igraph", null, null,
        "personalized_pagerank (PRPACK). Dangling nodes restart at the source, which scales all scores alike, so the ranking matches.");

    public static Peer NetworkX { get; } = new("networkx", "networkx_ppr.py", "power-iteration", "python3-networkx", 20, 2_000_000,
        "pagerank(personalization={source: 1}); capped at 20 queries because it is slow. Dangling mass restarts at the source, as in igraph.");

    public static IReadOnlyList<Peer> All { get; } = [SciPy, IGraph, NetworkX];
}
