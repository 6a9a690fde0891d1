using Rapport.Trust.Graph;
using static Rapport.Trust.Tests.Graph.Statements;

namespace Rapport.Trust.Tests.Graph;

public sealed class TrustSnapshotTests
{
    [Fact]
    public void Empty_HasNoNodesAndNoEdges()
    {
        Assert.Equal(0, TrustSnapshot.Empty.NodeCount);
        Assert.Equal(0, TrustSnapshot.Empty.EdgeCount);
    }

    [Fact]
    public void Build_SortsEachLayerByTargetAndKeepsRowSums()
    {
        var snapshot = Snapshot(4, Public(0, 3, 0.5f), Public(0, 1, 0.25f), Public(2, 0, -1f), Public(1, 2, 0.5f, topic: 3));

        Assert.Equal([1, 3], snapshot.PublicTrust.TargetsOf(0).ToArray());
        Assert.Equal(0.75f, snapshot.PublicTrust.Sums![0]);
        Assert.Equal([0], snapshot.PublicDistrust.TargetsOf(2).ToArray());
        Assert.Equal(1, snapshot.TopicTrust.RowCount);
        Assert.Equal(NodeRows.Topic, snapshot.RowFlags[1]);
        Assert.Equal(4, snapshot.EdgeCount);
    }

    [Fact]
    public void Build_WithTwoStatementsOfOneKey_KeepsTheLaterWhateverItsScope()
    {
        var snapshot = Snapshot(3, Public(0, 1, 0.5f), Private(0, 1, -0.5f), InCommunity(4, 0, 2, 1f), Public(0, 2, 0.25f));

        Assert.Equal(2, snapshot.EdgeCount);
        Assert.Equal([2], snapshot.PublicTrust.TargetsOf(0).ToArray());
        Assert.Equal(1, snapshot.PrivateDistrust.EdgeCount);
        Assert.Equal(0, snapshot.CommunityTrust.EdgeCount);
    }

    [Fact]
    public void Build_DropsStatementsAboutOneself() =>
        Assert.Equal(1, Snapshot(2, Public(1, 1, 1f), Public(0, 1, 1f)).EdgeCount);

    [Theory]
    [InlineData(0, 2, 0.5f, 0)]
    [InlineData(0, 1, 0f, 0)]
    [InlineData(0, 1, 1.5f, 0)]
    [InlineData(0, 1, float.NaN, 0)]
    [InlineData(0, 1, 0.5f, -1)]
    [InlineData(-1, 1, 0.5f, 0)]
    public void Build_WithAnInvalidStatement_Throws(int from, int to, float value, int topic) =>
        Assert.ThrowsAny<ArgumentException>(() => Snapshot(2, new StatementEdge(from, to, value, topic, EdgeScope.Public)));

    [Fact]
    public void Build_WithCommunityScopeButNoCommunity_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => Snapshot(2, new StatementEdge(0, 1, 1f, 0, EdgeScope.Community)));

    [Fact]
    public void Apply_ReplacesMovesAndRemovesStatementsAndLeavesTheOldSnapshotAlone()
    {
        var old = Snapshot(3, Public(0, 1, 0.5f), Public(0, 2, 0.5f), Public(1, 2, 1f, topic: 1));

        var next = old.Apply(4, [Private(0, 1, 0.9f), Public(3, 0, -0.5f)], [new EdgeKey(1, 2, 1), new EdgeKey(2, 0, 0)], version: 2);

        Assert.Equal([1, 2], old.PublicTrust.TargetsOf(0).ToArray());
        Assert.Equal(1, old.TopicTrust.EdgeCount);
        Assert.Equal(4, next.NodeCount);
        Assert.Equal(2, next.Version);
        Assert.Equal([2], next.PublicTrust.TargetsOf(0).ToArray());
        Assert.Equal(0.5f, next.PublicTrust.Sums![0]);
        Assert.Equal(1, next.PrivateTrust.EdgeCount);
        Assert.Equal(0, next.TopicTrust.EdgeCount);
        Assert.Equal([0], next.PublicDistrust.TargetsOf(3).ToArray());
        Assert.Equal(3, next.EdgeCount);
    }

    [Fact]
    public void Apply_WithAKeyBothUpsertedAndRemoved_RemovesIt()
    {
        var next = Snapshot(2).Apply(2, [Public(0, 1, 1f)], [new EdgeKey(0, 1, 0)], 2);

        Assert.Equal(0, next.EdgeCount);
    }

    [Fact]
    public void Apply_WithNothingToChange_SharesTheUntouchedLayers()
    {
        var old = Snapshot(3, Public(0, 1, 0.5f), Private(1, 2, 1f));

        var next = old.Apply(3, [], [new EdgeKey(2, 1, 0)], 2);

        Assert.Same(old.PublicTrust, next.PublicTrust);
        Assert.Same(old.PrivateTrust, next.PrivateTrust);
        Assert.Same(old.RowFlags, next.RowFlags);
    }

    [Fact]
    public void Apply_CannotShrinkTheNodeCountOrGoBackInVersion()
    {
        var old = TrustSnapshot.Build(3, [], 5);

        Assert.Throws<ArgumentOutOfRangeException>(() => old.Apply(2, [], [], 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => old.Apply(3, [], [], 4));
    }
}
