namespace Rapport.Cli.Benchmarks.Peers;

/// <summary>A peer implementation of personalized PageRank, run as a Python script from <c>bench/peers/</c>.</summary>
/// <param name="Name">How reports name it, and <c>--peers</c> chooses it (several variants may share a name).</param>
/// <param name="Script">The script's file name.</param>
/// <param name="Method">What it computes with, reported as the row's tier.</param>
/// <param name="Arguments">Extra arguments for the script.</param>
/// <param name="DebianPackage">The package that provides its module.</param>
/// <param name="QueryCap">At most this many queries, for peers too slow to run them all.</param>
/// <param name="MaxEdges">Skipped above this many edges (it would not fit in memory or time).</param>
/// <param name="Note">What a reader of the row should know.</param>
internal sealed record Peer(string Name, string Script, string Method, IReadOnlyList<string> Arguments, string DebianPackage, int? QueryCap, long? MaxEdges, string Note)
{
    /// <summary>Converged SciPy power iteration: the peer the engine's exact tier is cross-checked against.</summary>
    public static Peer SciPy { get; } = new("scipy", "scipy_ppr.py", "power-iteration", [], "python3-scipy", null, null,
        "CSR mat-vec power iteration until the L1 change is below 1e-10; dangling mass dropped, as the engine does.");

    /// <summary>
    /// Looser SciPy runs, the way a practitioner trades recall for time, so that the engine's cheaper tiers have a peer
    /// of equal or lower recall to be compared with.
    /// </summary>
    public static IReadOnlyList<Peer> SciPyLoose { get; } =
    [
        .. new[] { "1e-1", "1e-2", "1e-4" }.Select(tolerance => new Peer("scipy", "scipy_ppr.py", $"power-iteration-tol-{tolerance}", ["--tolerance", tolerance], "python3-scipy", null, null,
            $"As the scipy power iteration, stopped when the L1 change is below {tolerance}.")),
    ];

    public static Peer IGraph { get; } = new("igraph", "igraph_ppr.py", "prpack", [], "python3-igraph", null, null,
        "personalized_pagerank (PRPACK). Dangling nodes restart at the source, which scales all scores alike, so the ranking matches.");

    public static Peer NetworkX { get; } = new("networkx", "networkx_ppr.py", "power-iteration", [], "python3-networkx", 20, 2_000_000,
        "pagerank(personalization={source: 1}); capped at 20 queries because it is slow. Dangling mass restarts at the source, as in igraph.");

    public static IReadOnlyList<Peer> All { get; } = [SciPy, .. SciPyLoose, IGraph, NetworkX];
}
