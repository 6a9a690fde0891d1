using Rapport.Trust.Graph;
using Rapport.Trust.Propagation;
using static Rapport.Trust.Tests.Graph.Statements;
using static Rapport.Trust.Tests.Propagation.Queries;

namespace Rapport.Trust.Tests.Propagation;

/// <summary>Worked examples of Golbeck's TidalTrust, computed by hand.</summary>
public sealed class TidalTrustTests
{
    // Two shortest paths to 5, both three hops:
    //   0 → 1 (0.9) → 3 (0.8) → 5 (0.6)   strength min(0.9, 0.8) = 0.8 (the final rating is not counted)
    //   0 → 2 (0.5) → 4 (1.0) → 5 (1.0)   strength min(0.5, 1.0) = 0.5
    // and a longer, stronger path 0 → 6 → 7 → 8 → 5, all 1.0, four hops: not a shortest path, ignored.
    private static readonly TrustSnapshot Graph = Snapshot(
        9,
        Public(0, 1, 0.9f),
        Public(1, 3, 0.8f),
        Public(3, 5, 0.6f),
        Public(0, 2, 0.5f),
        Public(2, 4, 1f),
        Public(4, 5, 1f),
        Public(0, 6, 1f),
        Public(6, 7, 1f),
        Public(7, 8, 1f),
        Public(8, 5, 1f));

    [Fact]
    public void Top_UsesOnlyTheStrongestShortestPaths()
    {
        // Sink 5: max = 0.8. Backward: t(3,5) = 0.6 and t(4,5) = 1.0 (direct ratings);
        //   t(1,5) = 0.8 · 0.6 / 0.8 = 0.6 (1 rates 3 at 0.8 ≥ 0.8); t(2,5) = 1.0 · 1.0 / 1.0 = 1.0;
        //   t(0,5) = 0.9 · 0.6 / 0.9 = 0.6: 0 rates 2 at 0.5 < 0.8, so the weaker path is left out.
        //   (All shortest paths would give (0.9 · 0.6 + 0.5 · 1.0) / 1.4 = 0.743; the long path would raise it further.)
        // Sink 3: parents {1}, max = 0.9, t = 0.9 · 0.8 / 0.9 = 0.8. Sink 4: parents {2}, max = 0.5, t = 1.0.
        // Sinks 6, 7, 8: 1.0 all along. One hop: the viewer's own ratings 0.9, 0.5, 1.0.
        // Ties at 1.0 rank the nearer first: 6 (1 hop), then 4 and 7 (2 hops, by index), then 8 (3 hops).
        var top = Top(View(Graph, 0), TidalTrustOptions.Default);

        Equal([(6, 1.0), (4, 1.0), (7, 1.0), (8, 1.0), (1, 0.9), (3, 0.8), (5, 0.6), (2, 0.5)], top);
    }

    [Fact]
    public void Top_StopsAtTheDepthCap()
    {
        var top = Top(View(Graph, 0), new TidalTrustOptions { MaxDepth = 2 });

        Equal([(6, 1.0), (4, 1.0), (7, 1.0), (1, 0.9), (3, 0.8), (2, 0.5)], top);
    }

    [Fact]
    public void Top_AveragesEquallyStrongPathsWeightedByRating()
    {
        // Both paths have strength 1.0 = max: t(0,3) = (1.0 · 0.2 + 1.0 · 0.6) / (1.0 + 1.0) = 0.4.
        var snapshot = Snapshot(4, Public(0, 1, 1f), Public(0, 2, 1f), Public(1, 3, 0.2f), Public(2, 3, 0.6f));

        var top = Top(View(snapshot, 0), TidalTrustOptions.Default);

        Equal([(1, 1.0), (2, 1.0), (3, 0.4)], top);
    }

    [Fact]
    public void Top_AppliesTheThresholdAtEveryNodeOfThePath()
    {
        // Sink 4 (three hops): paths 0 → 1 → 2 → 4 (strength 0.9) and 0 → 1 → 3 → 4 (strength 0.6); max = 0.9.
        // t(2,4) = 0.2, t(3,4) = 1.0; at 1 only 2 qualifies (0.9 ≥ 0.9, 0.6 < 0.9): t(1,4) = 0.2; t(0,4) = 0.2.
        var snapshot = Snapshot(5, Public(0, 1, 1f), Public(1, 2, 0.9f), Public(1, 3, 0.6f), Public(2, 4, 0.2f), Public(3, 4, 1f));

        var top = Top(View(snapshot, 0), TidalTrustOptions.Default);

        Equal([(1, 1.0), (2, 0.9), (3, 0.6), (4, 0.2)], top);
    }

    [Fact]
    public void Options_OutOfRange_Throw() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TidalTrustOptions { MaxDepth = 0 });
}
