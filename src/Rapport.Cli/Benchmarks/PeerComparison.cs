using Rapport.Cli.Benchmarks.Peers;
using Rapport.Cli.Graphs;

namespace Rapport.Cli.Benchmarks;

/// <summary>Runs the peers on the first reference sources and scores them against the engine's exact lists.</summary>
internal sealed class PeerComparison(TrustBenchSettings settings)
{
    public sealed record Result(IReadOnlyList<ResultRow> Rows, ReferenceAgreement? Agreement);

    public async Task<Result> RunAsync(BenchGraph graph, int[] referenceSources, TopLists? reference, List<SkippedRow> skipped, CancellationToken cancellationToken)
    {
        if (settings.Peers.Count == 0)
        {
            return new Result([], null);
        }

        var sources = referenceSources[..Math.Min(settings.PeerQueries, referenceSources.Length)];
        var rows = new List<ResultRow>();
        ReferenceAgreement? agreement = null;
        var directory = Directory.CreateTempSubdirectory("rapport-peers-");
        try
        {
            PeerInput.Write(directory.FullName, graph.NodeCount, graph.Edges, sources);
            foreach (var peer in settings.Peers)
            {
                if (peer.MaxEdges is { } most && graph.Edges.Length > most)
                {
                    skipped.Add(new SkippedRow(peer.Name, "ppr", peer.Method, $"more than {most:N0} edges: too slow and too big for {peer.Name} here."));
                    continue;
                }

                var count = Math.Min(sources.Length, peer.QueryCap ?? int.MaxValue);
                var outcome = await settings.PeerRunner.RunAsync(peer, directory.FullName, count, cancellationToken);
                if (outcome.SkippedReason is { } reason)
                {
                    skipped.Add(new SkippedRow(peer.Name, "ppr", peer.Method, reason));
                    continue;
                }

                var recall = reference is null ? null : RecallAgainst(outcome, referenceSources, reference);
                rows.Add(Row(peer, outcome, recall, capped: count < sources.Length));
                if (peer == Peer.SciPy && recall is { } r)
                {
                    agreement = new ReferenceAgreement(peer.Name, Math.Round(r.Mean, 4), Math.Round(r.Worst, 4), r.Queries);
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return new Result(rows, agreement);
    }

    /// <summary>
    /// Relates each Rapport personalized PageRank row to the peers two ways. <c>ratio_to_fastest_peer</c>: its p50 over
    /// the p50 of the fastest peer whose recall is not above its own (Rapport at equal or better recall; below 1 means
    /// Rapport is faster). <c>speedup_at_matched_recall</c>: the p50 of the fastest peer whose recall is at least its own,
    /// over its p50 (above 1 means Rapport is faster at the accuracy it delivers). Either is null when no peer qualifies.
    /// </summary>
    public static IEnumerable<ResultRow> WithRatios(IEnumerable<ResultRow> rapportRows, IReadOnlyList<ResultRow> peerRows)
    {
        foreach (var row in rapportRows)
        {
            if (row is not { Algorithm: "ppr", RecallAt10: { } recall } || row.P50Microseconds <= 0)
            {
                yield return row;
                continue;
            }

            var result = row;
            var fastest = peerRows.Where(p => p.RecallAt10 is { } peerRecall && peerRecall <= recall + 1e-9).MinBy(p => p.P50Microseconds);
            if (fastest is { P50Microseconds: > 0 })
            {
                result = result with { RatioToFastestPeer = Math.Round(row.P50Microseconds / fastest.P50Microseconds, 4), FastestPeer = $"{fastest.Engine} {fastest.Tier}" };
            }

            var matched = peerRows.Where(p => p.RecallAt10 is { } peerRecall && peerRecall >= recall - 1e-9).MinBy(p => p.P50Microseconds);
            if (matched is not null)
            {
                result = result with { SpeedupAtMatchedRecall = Math.Round(matched.P50Microseconds / row.P50Microseconds, 4), MatchedPeer = $"{matched.Engine} {matched.Tier}" };
            }

            yield return result;
        }
    }

    private static Recall? RecallAgainst(PeerOutcome outcome, int[] referenceSources, TopLists reference)
    {
        var position = new Dictionary<int, int>();
        for (var i = 0; i < referenceSources.Length; i++)
        {
            position.TryAdd(referenceSources[i], i);
        }

        var answered = outcome.Queries.Where(q => position.ContainsKey(q.Source)).ToList();
        var found = TopLists.From([.. answered.Select(q => q.Top)], Recall.K);
        return Recall.AtTen(found, reference.Select([.. answered.Select(q => position[q.Source])]));
    }

    private static ResultRow Row(Peer peer, PeerOutcome outcome, Recall? recall, bool capped)
    {
        var latency = Latency.FromMicroseconds([.. outcome.Queries.Select(q => q.Microseconds)]);
        var notes = new List<string> { peer.Note };
        if (capped)
        {
            notes.Add($"Ran {outcome.Queries.Count} queries (cap {peer.QueryCap}).");
        }

        if (outcome.Problem is { } problem)
        {
            notes.Add(problem);
        }

        if (outcome.Version is { } version)
        {
            notes.Add($"{peer.Name} {version}, load {outcome.LoadMilliseconds:0} ms (not in the timings).");
        }

        return new ResultRow
        {
            Engine = peer.Name,
            Algorithm = "ppr",
            Tier = peer.Method,
            Queries = outcome.Queries.Count,
            P50Microseconds = Math.Round(latency.P50Microseconds, 1),
            P99Microseconds = Math.Round(latency.P99Microseconds, 1),
            RecallAt10 = recall is { } r ? Math.Round(r.Mean, 4) : null,
            RecallQueries = recall?.Queries ?? 0,
            AllocatedBytesPerQuery = null,
            Note = string.Join(' ', notes),
        };
    }
}
