using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using static Rapport.Trust.Tests.Graph.Statements;
using static Rapport.Trust.Tests.Scoring.Queries;

namespace Rapport.Trust.Tests.Scoring;

/// <summary>Worked examples with α = 0.15: every expected value is computed by hand in the test.</summary>
public sealed class PersonalizedPageRankTests
{
    private const float Alpha = 0.15f;
    private const float Keep = 1 - Alpha;
    private const int Piloting = 1;

    [Fact]
    public void Top_OnACycle_GivesTheGeometricSeries()
    {
        // 0 → 1 → 2 → 0: the viewer keeps α / (1 − 0.85³); each hop on keeps 0.85 of the one before.
        var snapshot = Snapshot(3, Public(0, 1, 1f), Public(1, 2, 1f), Public(2, 0, 1f));
        var viewer = Alpha / (1 - (Keep * Keep * Keep));

        foreach (var options in new[] { Exact, High, Cheap })
        {
            var top = TopAll(snapshot, 0, options);

            Assert.Equal([1, 2], top.Select(s => s.Node));
            Assert.Equal(Keep * viewer, top[0].Score, 5);
            Assert.Equal(Keep * Keep * viewer, top[1].Score, 5);
        }
    }

    [Fact]
    public void Top_SplitsTrustByRowNormalisedWeights()
    {
        // 1 and 2 are dangling: their onward mass is dropped. π(1) = α · 0.85 · 0.8/(0.8 + 0.2).
        var snapshot = Snapshot(3, Public(0, 1, 0.8f), Public(0, 2, 0.2f));

        var top = TopAll(snapshot, 0, Exact);

        Assert.Equal([new ScoredNode(1, Alpha * Keep * 0.8f), new ScoredNode(2, Alpha * Keep * 0.2f)], top, Close);
    }

    [Fact]
    public void Top_TwoHopsAway_KeepsTwoFactorsOfOneMinusAlpha()
    {
        var snapshot = Snapshot(3, Public(0, 1, 1f), Public(1, 2, 0.5f));

        var top = TopAll(snapshot, 0, Exact);

        Assert.Equal([new ScoredNode(1, Alpha * Keep), new ScoredNode(2, Alpha * Keep * Keep)], top, Close);
    }

    [Fact]
    public void Top_OnATopic_CountsAFallbackStatementAtTheDiscountNextToATopicOne()
    {
        // Row of 0 on piloting: 1 at 1.0 (topic), 2 at 0.5 × 1.0 (general, fallen back): shares 2/3 and 1/3.
        var snapshot = Snapshot(3, Public(0, 1, 1f, Piloting), Public(0, 2, 1f));

        var top = TopAll(snapshot, 0, Exact, Piloting);

        Assert.Equal([new ScoredNode(1, Alpha * Keep * 2 / 3), new ScoredNode(2, Alpha * Keep / 3)], top, Close);
    }

    [Fact]
    public void Top_OnATopicNobodyStatedAbout_IsTheGeneralRanking()
    {
        // Every edge falls back, so the discount cancels out of the row normalisation.
        var snapshot = Snapshot(4, Public(0, 1, 0.6f), Public(0, 2, 0.3f), Public(2, 3, 1f));

        Assert.Equal(TopAll(snapshot, 0, Exact), TopAll(snapshot, 0, Exact, topic: 7));
    }

    [Fact]
    public void Top_WithATrustedPersonsDistrust_LowersTheTargetByTheirWeightedDistrust()
    {
        // 0 trusts 1 (1.0) and 2 (0.5); 1 distrusts 2 at 0.5: 2 keeps 1 − 1.0 · 0.5 of its PPR.
        var snapshot = Snapshot(3, Public(0, 1, 1f), Public(0, 2, 0.5f), Public(1, 2, -0.5f));

        var top = TopAll(snapshot, 0, Exact);

        Assert.Equal([new ScoredNode(1, Alpha * Keep / 1.5f), new ScoredNode(2, Alpha * Keep * (0.5f / 1.5f) * 0.5f)], top, Close);
    }

    [Fact]
    public void Top_WithTheViewersFullDistrust_LeavesTheTargetOut()
    {
        var snapshot = Snapshot(4, Public(0, 1, 1f), Public(1, 3, 1f), Private(0, 3, -1f));

        Assert.Equal([1], TopAll(snapshot, 0, High).Select(s => s.Node));
    }

    [Fact]
    public void Top_DoesNotPropagateDistrust()
    {
        // 0 trusts 1; 1 distrusts 2; 2 trusts 3. Only 2 is lowered: its statements about 3 are not discounted.
        var snapshot = Snapshot(4, Public(0, 1, 1f), Public(0, 2, 1f), Public(1, 2, -1f), Public(2, 3, 1f));

        var top = TopAll(snapshot, 0, Exact);

        Assert.Equal(0, ScoreOf(top, 2));
        Assert.Equal(Alpha * Keep * 0.5f * Keep, ScoreOf(top, 3), 6);
    }

    [Fact]
    public void Top_WritesAtMostTheSpanAndExcludesTheViewer()
    {
        var snapshot = Snapshot(4, Public(0, 1, 1f), Public(0, 2, 0.5f), Public(0, 3, 0.25f), Public(1, 0, 1f));
        var into = new ScoredNode[2];

        var count = TrustQueries.Top(snapshot, Perspective.Of(0), 0, High, into);

        Assert.Equal(2, count);
        Assert.Equal([1, 2], into.Select(s => s.Node));
    }

    [Fact]
    public void Top_WithAnUnknownAlgorithm_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TrustQueries.Top(Snapshot(2), Perspective.Of(0), 0, TrustQueryOptions.Default with { Algorithm = (TrustAlgorithm)99 }, new ScoredNode[1]));

    [Fact]
    public void Top_WithAnAlphaOutsideZeroToOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TrustQueries.Top(Snapshot(2), Perspective.Of(0), 0, TrustQueryOptions.Default with { Alpha = 1 }, new ScoredNode[1]));

    [Fact]
    public void SizeScale_IsOneUpToTheReferenceSizeAndThenAPowerOfTheSize()
    {
        Assert.Equal(1f, PrecisionDefaults.SizeScale(0));
        Assert.Equal(1f, PrecisionDefaults.SizeScale(PrecisionDefaults.ReferencePeople));
        Assert.Equal(Math.Pow(16, PrecisionDefaults.SizeExponent), PrecisionDefaults.SizeScale(16 * PrecisionDefaults.ReferencePeople), 5);
        Assert.True(PrecisionDefaults.SizeScale(1_000_000) > PrecisionDefaults.SizeScale(100_000));
        Assert.Equal(PrecisionDefaults.SizeScale(PrecisionDefaults.MaxScaledPeople), PrecisionDefaults.SizeScale(int.MaxValue));
    }

    [Fact]
    public void CheapTier_OnALargeGraph_PushesAtTheSizeScaledThreshold()
    {
        // 40,000 nodes, almost all named by the public layer: more than the reference size, so the default is scaled up.
        var snapshot = TrustSnapshot.Build(40_000, Rapport.Trust.Graph.Synthetic.PowerLawGraph.Generate(40_000, 120_000, 3), 1);
        var scale = PrecisionDefaults.SizeScale(snapshot.PublicPeople);
        var scaled = Cheap with { ResidualThreshold = PrecisionDefaults.Cheap * scale };
        var unscaled = Cheap with { ResidualThreshold = PrecisionDefaults.Cheap };

        var start = snapshot.PublicTrust.Start;
        var viewers = Enumerable.Range(0, snapshot.NodeCount).Where(u => start[u + 1] - start[u] >= 5).Take(5).ToArray();

        Assert.True(scale > 1);
        Assert.All(viewers, viewer => Assert.Equal(TopAll(snapshot, viewer, scaled), TopAll(snapshot, viewer, Cheap)));
        Assert.Contains(viewers, viewer => TopAll(snapshot, viewer, unscaled).Length != TopAll(snapshot, viewer, Cheap).Length);
    }

    [Fact]
    public void Top_InSteadyState_AllocatesNothing()
    {
        var snapshot = Snapshot(5, Public(0, 1, 1f), Public(1, 2, 0.5f), Public(2, 0, 1f), Public(1, 3, 0.5f, Piloting), Private(0, 4, 0.4f));
        var perspective = new Perspective(0, new[] { 1, 2 });
        var into = new ScoredNode[3];
        TrustQueryOptions[] tiers = [High, Cheap, Exact];
        foreach (var options in tiers)
        {
            TrustQueries.Top(snapshot, perspective, Piloting, options, into);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var options in tiers)
        {
            TrustQueries.Top(snapshot, perspective, Piloting, options, into);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static bool Close(ScoredNode expected, ScoredNode actual) =>
        expected.Node == actual.Node && Math.Abs(expected.Score - actual.Score) < 1e-6;
}
