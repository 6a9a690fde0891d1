using Rapport.Trust.Scoring;

namespace Rapport.Cli.Benchmarks.Peers;

/// <summary>One query a peer answered: its own timing of the query (loading excluded) and its best-first list.</summary>
internal sealed record PeerQuery(int Source, double Microseconds, IReadOnlyList<ScoredNode> Top);

/// <summary>What a peer run gave: its answered queries, or why it was skipped; <paramref name="Problem"/> when it stopped early.</summary>
internal sealed record PeerOutcome(Peer Peer, IReadOnlyList<PeerQuery> Queries, string? Version, double? LoadMilliseconds, string? SkippedReason, string? Problem)
{
    public static PeerOutcome Skipped(Peer peer, string reason) => new(peer, [], null, null, reason, null);
}
