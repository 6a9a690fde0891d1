using Rapport.Trust.Propagation;
using static Rapport.Trust.Tests.Graph.Statements;
using static Rapport.Trust.Tests.Propagation.Queries;

namespace Rapport.Trust.Tests.Propagation;

/// <summary>Worked examples of Ziegler and Lausen's Algorithm 1 with in⁰ = 200, d = 0.85, computed by hand.</summary>
public sealed class AppleseedTests
{
    // 0 → 1 (0.5), 0 → 2 (1.0), 1 → 3 (1.0); the viewer is 0.
    private static readonly Rapport.Trust.Graph.TrustSnapshot Fan = Snapshot(4, Public(0, 1, 0.5f), Public(0, 2, 1f), Public(1, 3, 1f));

    [Fact]
    public void Top_AfterOneIteration_IsEmpty_BecauseOnlyTheViewerHasKeptEnergy()
    {
        // i = 1: trust(0) = 0.15 · 200 = 30; 1 and 2 receive energy but have kept none yet.
        var top = Top(View(Fan, 0), new AppleseedOptions { MaxIterations = 1 });

        Assert.Empty(top);
    }

    [Fact]
    public void Top_AfterTwoIterations_KeepsOneMinusDOfTheEnergySplitByWeight()
    {
        // i = 1: 0 passes 0.85 · 200 = 170 on, split by weight over 0.5 + 1.0 = 1.5:
        //        in(1) = 170 · 0.5 / 1.5 = 56.667, in(2) = 170 · 1.0 / 1.5 = 113.333.
        // i = 2: trust(1) = 0.15 · 56.667 = 8.5, trust(2) = 0.15 · 113.333 = 17.0.
        var top = Top(View(Fan, 0), new AppleseedOptions { MaxIterations = 2 });

        Equal([(2, 17.0), (1, 8.5)], top);
    }

    [Fact]
    public void Top_AfterThreeIterations_SendsPartOfTheEnergyBackToTheViewer()
    {
        // i = 2: 1 passes 0.85 · 56.667 = 48.167 on over its edge to 3 (1.0) and its backward edge to 0 (1.0):
        //        in(3) = 24.083 (and 24.083 back to 0); 2 has only its backward edge: 96.333 back to 0.
        // i = 3: trust(3) = 0.15 · 24.083 = 3.6125; 1 and 2 hold no energy, so keep 8.5 and 17.0.
        var top = Top(View(Fan, 0), new AppleseedOptions { MaxIterations = 3 });

        Equal([(2, 17.0), (1, 8.5), (3, 3.6125)], top);
    }

    [Fact]
    public void Top_AfterFourIterations_RespreadsTheReturnedEnergy()
    {
        // i = 3: 0 holds 24.083 + 96.333 = 120.417 and passes 0.85 · 120.417 = 102.354 on: 34.118 to 1, 68.236 to 2.
        // i = 4: trust(1) = 8.5 + 0.15 · 34.118 = 13.618, trust(2) = 17.0 + 0.15 · 68.236 = 27.235.
        var top = Top(View(Fan, 0), new AppleseedOptions { MaxIterations = 4 });

        Equal([(2, 27.2354), (1, 13.6177), (3, 3.6125)], top, tolerance: 1e-3);
    }

    [Fact]
    public void Top_OnOneEdge_ConvergesToTheGeometricSeriesOfTheBackwardEdge()
    {
        // 0 → 1 only: the energy goes 0 → 1 → 0 → 1 …, losing 15% at each node. 1 keeps 0.15 · 200 · 0.85^(2j+1) at
        // iteration 2j + 2, so trust(1) → 25.5 / (1 − 0.85²) = 91.892. The largest gain at iteration i is
        // 30 · 0.85^(i−1), which first falls to Tc = 0.01 at i = 51, so the sum stops at j = 24:
        // 91.892 · (1 − 0.7225^25) = 91.865.
        var top = Top(View(Snapshot(2, Public(0, 1, 1f)), 0), AppleseedOptions.Default);

        Equal([(1, 91.865)], top, tolerance: 2e-3);
    }

    [Fact]
    public void Top_LongerChains_GetLess_AndTheTotalStaysWithinTheInjection()
    {
        var top = Top(View(Snapshot(4, Public(0, 1, 1f), Public(1, 2, 1f), Public(2, 3, 1f)), 0), AppleseedOptions.Default);

        Assert.Equal([1, 2, 3], top.Select(s => s.Node));
        Assert.True(top.Sum(s => s.Score) < 200);
    }

    [Fact]
    public void Top_AStatementAboutTheViewer_IsReplacedByTheBackwardEdgeOfWeightOne()
    {
        var without = Top(View(Fan, 0), AppleseedOptions.Default);
        var with = Top(View(Snapshot(4, Public(0, 1, 0.5f), Public(0, 2, 1f), Public(1, 3, 1f), Public(1, 0, 0.2f), Public(2, 0, 0.9f)), 0), AppleseedOptions.Default);

        Assert.Equal(without, with);
    }

    [Fact]
    public void Top_IgnoresDistrustAndStatementsAboutOneself()
    {
        var top = Top(View(Snapshot(4, Public(0, 1, 1f), Public(0, 2, -1f), Public(1, 1, 1f), Public(1, 3, -0.5f)), 0), AppleseedOptions.Default);

        Assert.Equal([1], top.Select(s => s.Node));
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AppleseedOptions { SpreadingFactor = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AppleseedOptions { Injection = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AppleseedOptions { ConvergenceThreshold = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AppleseedOptions { MaxIterations = 0 });
    }
}
