using Rapport.Cli.Benchmarks;
using Rapport.Cli.Graphs;
using Rapport.Cli.Scoring;
using Rapport.Trust.Graph;
using Rapport.Trust.Graph.Synthetic;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Evaluation;

/// <summary>
/// <c>eval sybil</c>: attaches one sybil region by k attack edges for each k (<see cref="SybilRegion"/>; the attack with
/// more edges contains the one with fewer), and counts how many of the same honest viewers' top-10 slots sybils take
/// under each algorithm the engine offers.
/// </summary>
internal sealed class SybilEvaluation(TrustEngine engine, TimeProvider time)
{
    public SybilReport Run(BenchGraph graph, SybilSettings settings, CancellationToken cancellationToken)
    {
        Validate(graph, settings);
        var viewers = QuerySources.Sample(graph.NodeCount, graph.Edges, settings.HonestViewers, settings.Seed);
        if (viewers.Length == 0)
        {
            throw new CliException($"{graph.Name} has no node that trusts anyone; nobody to look through.");
        }

        var rows = new List<SybilRow>();
        var skipped = new List<SkippedRow>();
        var unsupported = new HashSet<TrustAlgorithm>();
        foreach (var k in settings.AttackEdges)
        {
            var attack = SybilRegion.Attach(graph.NodeCount, graph.Edges, settings.Sybils, settings.SybilOutDegree, k, settings.Seed);
            var snapshot = engine.Build(attack.NodeCount, attack.Edges);
            foreach (var algorithm in ScoringNames.Algorithms.Where(a => !unsupported.Contains(a)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    rows.Add(Count(snapshot, attack, algorithm, settings.Tier, viewers));
                }
                catch (NotSupportedException e)
                {
                    unsupported.Add(algorithm);
                    skipped.Add(new SkippedRow("rapport", ScoringNames.Of(algorithm), ScoringNames.Of(settings.Tier), e.Message));
                }
            }
        }

        return new SybilReport
        {
            Graph = graph.Name,
            Format = graph.Format,
            Nodes = graph.NodeCount,
            Edges = graph.Edges.Length,
            Seed = settings.Seed,
            Sybils = settings.Sybils,
            SybilOutDegree = settings.SybilOutDegree,
            HonestViewers = viewers.Length,
            Tier = ScoringNames.Of(settings.Tier),
            QualityBar = QualityBar.Default,
            Results = rows,
            Skipped = skipped,
            Machine = MachineInfo.Current(time),
        };
    }

    private SybilRow Count(TrustSnapshot snapshot, SybilAttack attack, TrustAlgorithm algorithm, PrecisionTier tier, int[] viewers)
    {
        var options = new TrustQueryOptions { Algorithm = algorithm, Tier = tier };
        Span<ScoredNode> top = stackalloc ScoredNode[10];
        int filled = 0, sybilSlots = 0, reached = 0;
        foreach (var viewer in viewers)
        {
            var count = Math.Clamp(engine.Top(snapshot, viewer, options, top), 0, top.Length);
            var sybils = 0;
            foreach (var scored in top[..count])
            {
                sybils += attack.IsSybil(scored.Node) ? 1 : 0;
            }

            filled += count;
            sybilSlots += sybils;
            reached += sybils > 0 ? 1 : 0;
        }

        var share = filled == 0 ? 0 : sybilSlots / (double)filled;
        var k = attack.AttackEdges.Length;
        return new SybilRow(ScoringNames.Of(algorithm), ScoringNames.Of(tier), k, viewers.Length, filled, sybilSlots, Math.Round(share, 6), reached,
            k == QualityBar.Default.AttackEdges ? share <= QualityBar.Default.MaxSybilShare : null);
    }

    private static void Validate(BenchGraph graph, SybilSettings settings)
    {
        if (settings.Sybils < 2 || settings.SybilOutDegree >= settings.Sybils)
        {
            throw new CliException($"--sybils must be at least 2 and more than --sybil-degree ({settings.SybilOutDegree}).");
        }

        if (settings.AttackEdges.Max() > graph.NodeCount)
        {
            throw new CliException($"--attack-edges {settings.AttackEdges.Max()} needs that many honest nodes; {graph.Name} has {graph.NodeCount}.");
        }
    }
}
