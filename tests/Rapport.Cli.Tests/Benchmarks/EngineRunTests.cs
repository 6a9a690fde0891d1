using Rapport.Cli.Benchmarks;
using Rapport.Cli.Scoring;
using Rapport.Trust.Graph.Synthetic;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Tests.Benchmarks;

public sealed class EngineRunTests
{
    [Fact]
    public void Run_OnTwoThreads_ReturnsTheListsOfOneThreadForEverySource()
    {
        var edges = PowerLawGraph.Generate(2_000, 16_000, seed: 5);
        var engine = TrustEngine.Real;
        var snapshot = engine.Build(2_000, edges);
        var sources = QuerySources.Sample(2_000, edges, 24, seed: 3);
        var exact = TrustQueryOptions.Default with { Tier = PrecisionTier.Exact };

        var alone = EngineRun.Run(engine, snapshot, exact, sources, Recall.ReferenceWidth);
        var sideBySide = EngineRun.Run(engine, snapshot, exact, sources, Recall.ReferenceWidth, threads: 2);

        Assert.Equal(sources.Length, sideBySide.Queries);
        for (var q = 0; q < sources.Length; q++)
        {
            Assert.True(alone.Tops.Of(q).Length > 0);
            Assert.Equal(alone.Tops.Of(q).ToArray(), sideBySide.Tops.Of(q).ToArray());
        }

        Assert.True(sideBySide.Latency.P50Microseconds > 0);
    }
}
