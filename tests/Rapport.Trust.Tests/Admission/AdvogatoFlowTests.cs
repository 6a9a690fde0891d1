using Rapport.Trust.Admission;
using Rapport.Trust.Graph;
using static Rapport.Trust.Tests.Graph.Statements;

namespace Rapport.Trust.Tests.Admission;

/// <summary>Worked examples of the Advogato trust metric, computed by hand.</summary>
public sealed class AdvogatoFlowTests
{
    private static readonly int[] Sybils = [.. Enumerable.Range(10, 20)];

    // Capacities by distance from seed 0: 20, 8, 4, 2, then 1.
    private static readonly AdvogatoOptions Schedule = new() { Capacities = [20, 8, 4, 2, 1] };

    [Fact]
    public void AdmitToCommunity_ASybilClusterBehindOneAttackEdge_GetsNoMoreThanTheAttackedCapacity()
    {
        // Honest: 0 → 1, 0 → 2 (distance 1, capacity 8), 1 → 3, 1 → 4, 2 → 6 (distance 2, capacity 4), 3 → 5 (3, cap 2).
        // Attack: 2 → 10. The 20 sybils 10…29 all certify each other; 10 is at distance 2 (capacity 4), the rest at 3.
        // Flow: 0 keeps 1 unit and passes up to 19; 1 keeps 1 and passes 3 (to 3, 4, and through 3 to 5); 2 keeps 1
        // and passes 1 to 6 and at most 4 to 10 — 10 keeps 1 and passes its other 3 to three more sybils. Every unit
        // fits, so the maximum flow is 7 honest + 4 sybils = 11, and the sybils stay within 2's capacity − 1 = 7.
        var snapshot = Snapshot(30, [.. Honest(), Public(2, 10, 1f), .. Clique(Sybils)]);

        var result = AdvogatoFlow.AdmitToCommunity(snapshot, 0, [0], Schedule);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], result.Accepted.Where(n => n < 10));
        Assert.Equal(4, result.Accepted.Count(n => n >= 10));
        Assert.Equal(8, result.CapacityOf(2));
        Assert.Equal(2, result.DistanceOf(10));
        Assert.Equal(4, result.CapacityOf(10));
    }

    [Fact]
    public void AdmitToCommunity_AnAttackerCertifyingEverySybil_GetsAtMostItsCapacityMinusOne()
    {
        // 2 certifies all 20 sybils, now each at distance 2 with capacity 4: only 2's out-capacity, 8 − 1 = 7, limits
        // them, and 6 competes for the same 7 units. The maximum flow is 1 + 4 (1, 3, 4, 5) + 1 (2) + 7 = 13.
        var snapshot = Snapshot(30, [.. Honest(), .. Sybils.Select(s => Public(2, s, 1f)), .. Clique(Sybils)]);

        var result = AdvogatoFlow.AdmitToCommunity(snapshot, 0, [0], Schedule);

        Assert.Equal(13, result.Accepted.Count);
        Assert.InRange(result.Accepted.Count(n => n >= 10), 6, 7);
    }

    [Fact]
    public void AdmitToCommunity_BeyondTheSchedule_CapacityIsOne()
    {
        // Capacities [3]: the seed keeps 1 and passes 2; its five certified people (capacity 1) can take only those 2.
        var snapshot = Snapshot(6, [.. Enumerable.Range(1, 5).Select(n => Public(0, n, 1f))]);

        var result = AdvogatoFlow.AdmitToCommunity(snapshot, 0, [0], new AdvogatoOptions { Capacities = [3] });

        Assert.Equal(3, result.Accepted.Count);
        Assert.Equal(1, result.CapacityOf(4));
    }

    [Fact]
    public void AdmitToCommunity_SeedsAreAccepted_WhateverTheirOrderAndRepeats()
    {
        var snapshot = Snapshot(5, Public(3, 4, 1f));

        var result = AdvogatoFlow.AdmitToCommunity(snapshot, 0, [3, 1, 3], AdvogatoOptions.Default);

        Assert.Equal([1, 3, 4], result.Accepted);
        Assert.True(result.IsAccepted(4));
        Assert.False(result.IsAccepted(2));
        Assert.Equal(-1, result.DistanceOf(2));
    }

    [Fact]
    public void AdmitToCommunity_CountsOnlyTrustAboveTheCertificationThreshold()
    {
        var snapshot = Snapshot(4, Public(0, 1, 0.3f), Public(0, 2, 0.8f), Public(0, 3, -1f));

        var result = AdvogatoFlow.AdmitToCommunity(snapshot, 0, [0], new AdvogatoOptions { CertificationThreshold = 0.5f });

        Assert.Equal([0, 2], result.Accepted);
    }

    [Fact]
    public void AdmitToCommunity_UsesTheCommunitysStatements_AndNoOnesPrivateStatements()
    {
        // Node 0 and node 1 matter: the shared reading looks through views whose viewers are 0 and 1.
        var snapshot = Snapshot(
            7,
            InCommunity(4, 0, 1, 1f),
            Private(0, 2, 1f),
            Private(1, 3, 1f),
            InCommunity(9, 1, 5, 1f),
            Public(1, 6, 1f));

        var result = AdvogatoFlow.AdmitToCommunity(snapshot, 4, [0], AdvogatoOptions.Default);

        Assert.Equal([0, 1, 6], result.Accepted);
    }

    [Fact]
    public void Admit_FromAPerspective_CountsTheViewersOwnPrivateStatements()
    {
        var snapshot = Snapshot(4, Private(0, 1, 1f), Private(1, 2, 1f), Public(1, 3, 1f));

        var result = AdvogatoFlow.Admit(snapshot, Perspective.Of(0), [0], AdvogatoOptions.Default);

        Assert.Equal([0, 1, 3], result.Accepted);
    }

    [Fact]
    public void Admit_WithASeedOutsideTheGraph_Throws()
    {
        var snapshot = Snapshot(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => AdvogatoFlow.AdmitToCommunity(snapshot, 0, [2], AdvogatoOptions.Default));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdvogatoFlow.AdmitToCommunity(snapshot, -1, [0], AdvogatoOptions.Default));
    }

    [Fact]
    public void Admit_WithNoSeeds_AcceptsNoOne() =>
        Assert.Empty(AdvogatoFlow.AdmitToCommunity(TrustSnapshot.Empty, 0, [], AdvogatoOptions.Default).Accepted);

    [Fact]
    public void ForTarget_DividesByTheBranchingFactorDownToOne() =>
        Assert.Equal([800, 200, 50, 13, 4, 1], AdvogatoOptions.ForTarget(800, 4).Capacities);

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdvogatoOptions { Capacities = [] });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdvogatoOptions { Capacities = [5, 0] });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdvogatoOptions { CertificationThreshold = 1f });
        Assert.Throws<ArgumentOutOfRangeException>(() => AdvogatoOptions.ForTarget(10, 1));
    }

    private static IEnumerable<StatementEdge> Honest() =>
        [Public(0, 1, 1f), Public(0, 2, 1f), Public(1, 3, 1f), Public(1, 4, 1f), Public(3, 5, 1f), Public(2, 6, 1f)];

    private static IEnumerable<StatementEdge> Clique(int[] nodes) =>
        from a in nodes from b in nodes where a != b select Public(a, b, 1f);
}
