using Rapport.Trust.Graph;
using Rapport.Trust.Propagation;
using static Rapport.Trust.Tests.Graph.Statements;
using static Rapport.Trust.Tests.Propagation.Queries;

namespace Rapport.Trust.Tests.Propagation;

/// <summary>Worked examples of Massa and Avesani's MoleTrust, computed by hand.</summary>
public sealed class MoleTrustTests
{
    // Distance 1: 1 (0.9), 2 (0.5). Distance 2: 3 (from 1: 0.8, from 2: 0.4), 4 (from 2: 1.0). Distance 3: 5 (from 3).
    // 1 → 2 joins two people at the same distance and 3 → 0 goes back to the viewer: MoleTrust drops both.
    private static readonly TrustSnapshot Graph = Snapshot(
        6,
        Public(0, 1, 0.9f),
        Public(0, 2, 0.5f),
        Public(1, 3, 0.8f),
        Public(2, 3, 0.4f),
        Public(2, 4, 1f),
        Public(1, 2, 1f),
        Public(3, 0, 1f),
        Public(3, 5, 1f));

    [Fact]
    public void Top_WithHorizonOne_IsTheViewersOwnStatements()
    {
        var top = Top(View(Graph, 0), new MoleTrustOptions { Horizon = 1 });

        Equal([(1, 0.9), (2, 0.5)], top);
    }

    [Fact]
    public void Top_WithHorizonTwo_UsesOnlyPredecessorsAtOrAboveTheThreshold()
    {
        // Threshold 0.6: 1 (0.9) passes trust on, 2 (0.5) does not.
        // trust(3) = 0.9 · 0.8 / 0.9 = 0.8 (2's 0.4 is left out); 4's only predecessor is 2, so 4 gets nothing.
        // trust(2) stays 0.5: 1 → 2 goes between people at the same distance.
        var top = Top(View(Graph, 0), new MoleTrustOptions { Horizon = 2, Threshold = 0.6 });

        Equal([(1, 0.9), (3, 0.8), (2, 0.5)], top);
    }

    [Fact]
    public void Top_WithALowerThreshold_AveragesOverEveryPredecessorWeightedByTheirTrust()
    {
        // Threshold 0.4: both 1 and 2 pass trust on.
        // trust(3) = (0.9 · 0.8 + 0.5 · 0.4) / (0.9 + 0.5) = 0.92 / 1.4 = 0.657143; trust(4) = 0.5 · 1.0 / 0.5 = 1.0.
        var top = Top(View(Graph, 0), new MoleTrustOptions { Horizon = 2, Threshold = 0.4 });

        Equal([(4, 1.0), (1, 0.9), (3, 0.657143), (2, 0.5)], top);
    }

    [Fact]
    public void Top_WithHorizonThree_ReachesOnlyThroughAcceptedPeople()
    {
        // trust(3) = 0.8 ≥ 0.6, so trust(5) = 0.8 · 1.0 / 0.8 = 1.0; 4 still has no accepted predecessor.
        var top = Top(View(Graph, 0), new MoleTrustOptions { Horizon = 3, Threshold = 0.6 });

        Equal([(5, 1.0), (1, 0.9), (3, 0.8), (2, 0.5)], top);
    }

    [Fact]
    public void Top_DistanceIsFixedByTheShortestPath_EvenThroughSomeoneBelowTheThreshold()
    {
        // 3 is 2 hops away through 2 (0.5, rejected) and 3 hops away through 1 → 4 (both accepted): it stays at
        // distance 2 and gets no trust, and the longer path is not used.
        var snapshot = Snapshot(5, Public(0, 1, 0.9f), Public(0, 2, 0.5f), Public(2, 3, 1f), Public(1, 4, 0.9f), Public(4, 3, 1f));

        var top = Top(View(snapshot, 0), new MoleTrustOptions { Horizon = 3, Threshold = 0.6 });

        Equal([(1, 0.9), (4, 0.9), (2, 0.5)], top);
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MoleTrustOptions { Horizon = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MoleTrustOptions { Threshold = 1.1 });
    }
}
