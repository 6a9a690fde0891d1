using Rapport.Cli.Benchmarks.Peers;
using Rapport.Cli.Graphs;
using Rapport.Cli.Scoring;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Benchmarks;

/// <summary>
/// <c>bench trust</c>: builds the snapshot, times every algorithm and tier the engine offers on the same sources, takes the
/// engine's exact personalized PageRank as the recall reference, runs the peers on the first sources, and relates the two.
/// </summary>
internal sealed class TrustBenchmark(TrustEngine engine, TimeProvider time)
{
    private const string Rapport = "rapport";
    private static readonly PrecisionTier[] FastTiers = [PrecisionTier.Cheap, PrecisionTier.High];

    public async Task<TrustBenchReport> RunAsync(BenchGraph graph, TrustBenchSettings settings, CancellationToken cancellationToken)
    {
        var build = SnapshotMeasurement.Build(engine, graph);
        var sources = QuerySources.Sample(graph.NodeCount, graph.Edges, settings.Queries, settings.Seed);
        if (sources.Length == 0)
        {
            throw new CliException($"{graph.Name} has no node that trusts anyone; nothing to query.");
        }

        var referenceSources = sources[..Math.Min(settings.ReferenceQueries, sources.Length)];
        var rows = new List<ResultRow>();
        var skipped = new List<SkippedRow>();
        var references = new Dictionary<TrustAlgorithm, TopLists>();
        foreach (var algorithm in ScoringNames.Algorithms)
        {
            if (Measure(build.Snapshot, algorithm, PrecisionTier.Exact, referenceSources, null, rows, skipped) is { } reference)
            {
                references[algorithm] = reference;
            }

            // Appleseed, MoleTrust and TidalTrust have no precision tiers: their one row is the exact computation.
            foreach (var tier in algorithm == TrustAlgorithm.PersonalizedPageRank ? FastTiers : [])
            {
                Measure(build.Snapshot, algorithm, tier, sources, references.GetValueOrDefault(algorithm), rows, skipped);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        var pprReference = references.GetValueOrDefault(TrustAlgorithm.PersonalizedPageRank);
        var peers = await new PeerComparison(settings).RunAsync(graph, referenceSources, pprReference, skipped, cancellationToken);
        return new TrustBenchReport
        {
            Graph = graph.Name,
            Format = graph.Format,
            Nodes = graph.NodeCount,
            Edges = graph.Edges.Length,
            DistrustEdges = graph.DistrustEdges,
            Seed = settings.Seed,
            Queries = sources.Length,
            ReferenceQueries = referenceSources.Length,
            Damping = PeerInput.Damping,
            LoadMilliseconds = Math.Round(graph.LoadMilliseconds, 1),
            BuildMilliseconds = Math.Round(build.BuildMilliseconds, 1),
            BytesPerEdge = Math.Round(build.RetainedBytes / (double)Math.Max(1, graph.Edges.Length), 1),
            BuildAllocatedBytes = build.AllocatedBytes,
            Reference = "rapport ppr exact",
            ReferenceAgreement = peers.Agreement,
            Results = [.. PeerComparison.WithRatios(rows, peers.Rows), .. peers.Rows],
            Skipped = skipped,
            Machine = MachineInfo.Current(time),
        };
    }

    /// <summary>Times one algorithm and tier; returns its lists when it is the exact tier, the others' reference.</summary>
    private TopLists? Measure(TrustSnapshot snapshot, TrustAlgorithm algorithm, PrecisionTier tier, int[] sources, TopLists? reference, List<ResultRow> rows, List<SkippedRow> skipped)
    {
        var options = new TrustQueryOptions { Algorithm = algorithm, Tier = tier };
        var exact = tier == PrecisionTier.Exact;
        EngineMeasurement measured;
        try
        {
            // The PPR reference is not a target, only the others' yardstick: its queries run one per core.
            var threads = exact && algorithm == TrustAlgorithm.PersonalizedPageRank ? Environment.ProcessorCount : 1;
            measured = EngineRun.Run(engine, snapshot, options, sources, exact ? Recall.ReferenceWidth : Recall.K, threads);
        }
        catch (NotSupportedException e)
        {
            skipped.Add(new SkippedRow(Rapport, ScoringNames.Of(algorithm), ScoringNames.Of(tier), e.Message));
            return null;
        }

        var recall = exact ? new Recall(1, 1, measured.Queries) : reference is null ? (Recall?)null : Recall.AtTen(measured.Tops, reference);
        rows.Add(new ResultRow
        {
            Engine = Rapport,
            Algorithm = ScoringNames.Of(algorithm),
            Tier = ScoringNames.Of(tier),
            Queries = measured.Queries,
            P50Microseconds = Math.Round(measured.Latency.P50Microseconds, 1),
            P99Microseconds = Math.Round(measured.Latency.P99Microseconds, 1),
            RecallAt10 = recall is { } r ? Math.Round(r.Mean, 4) : null,
            RecallQueries = recall?.Queries ?? 0,
            AllocatedBytesPerQuery = Math.Round(measured.AllocatedBytesPerQuery, 1),
            Note = exact && algorithm == TrustAlgorithm.PersonalizedPageRank
                ? $"the reference: recall 1 by definition; timed on the reference sources only, {Environment.ProcessorCount} queries at a time"
                : exact ? "the reference: recall 1 by definition; timed on the reference sources only"
                : reference is null ? "no exact tier to compare with" : null,
        });
        return exact ? measured.Tops : null;
    }
}
