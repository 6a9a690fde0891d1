using Rapport.Cli.Benchmarks.Peers;

namespace Rapport.Cli.Benchmarks;

/// <summary>How much <c>bench trust</c> measures.</summary>
/// <param name="Queries">Sources timed per Rapport cheap/high row.</param>
/// <param name="ReferenceQueries">The first sources that also get an exact reference (and the exact rows' timing).</param>
/// <param name="PeerQueries">The first reference sources the peers answer.</param>
/// <param name="Seed">Draws the sources.</param>
/// <param name="Peers">The peers to run; empty for none.</param>
/// <param name="PeerRunner">Runs a peer's script.</param>
internal sealed record TrustBenchSettings(int Queries, int ReferenceQueries, int PeerQueries, int Seed, IReadOnlyList<Peer> Peers, PeerRunner PeerRunner);
