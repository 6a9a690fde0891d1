using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using static Rapport.Trust.Tests.Graph.Statements;

namespace Rapport.Trust.Tests.Explanation;

public sealed class LevelTests
{
    private const int Piloting = 1;

    [Fact]
    public void Level_IsTheViewersOwnStatementWhenThereIsOne()
    {
        var snapshot = Snapshot(4, Public(0, 1, 1f), Public(1, 3, 1f), Private(0, 3, 0.6f), Public(0, 2, -0.5f), Public(1, 2, 1f));

        Assert.Equal(0.6f, TrustQueries.Level(snapshot, Perspective.Of(0), 0, 3));
        Assert.Equal(-0.5f, TrustQueries.Level(snapshot, Perspective.Of(0), 0, 2));
    }

    [Fact]
    public void Level_OnATopic_TakesTheOwnGeneralStatementAtTheDiscount() =>
        Assert.Equal(0.3f, TrustQueries.Level(Snapshot(2, Public(0, 1, 0.6f)), Perspective.Of(0), Piloting, 1));

    [Fact]
    public void Level_WithoutAnOwnStatement_IsTheStrongestPathLoweredByOneStepDistrust()
    {
        // Strongest path 0 → 1 → 2 is 0.8; 4, whom 0 trusts at 0.5, distrusts 2 fully: 0.8 · (1 − 0.5 · 1).
        var snapshot = Snapshot(5, Public(0, 1, 1f), Public(1, 2, 0.8f), Public(0, 4, 0.5f), Public(4, 2, -1f));

        Assert.Equal(0.4f, TrustQueries.Level(snapshot, Perspective.Of(0), 0, 2));
    }

    [Fact]
    public void Level_WithNothingConnectingThem_IsNull()
    {
        var snapshot = Snapshot(4, Public(0, 1, 1f), Public(1, 2, -1f), Private(3, 2, 1f));

        Assert.Null(TrustQueries.Level(snapshot, Perspective.Of(0), 0, 2));
        Assert.Null(TrustQueries.Level(snapshot, Perspective.Of(0), 0, 3));
        Assert.Null(TrustQueries.Level(snapshot, Perspective.Of(0), 0, 0));
    }

    [Fact]
    public void Level_KeepsToMaxHops()
    {
        var snapshot = Snapshot(4, Public(0, 1, 1f), Public(1, 2, 1f), Public(2, 3, 1f));

        Assert.Null(TrustQueries.Level(snapshot, Perspective.Of(0), 0, 3, maxHops: 2));
        Assert.Equal(1f, TrustQueries.Level(snapshot, Perspective.Of(0), 0, 3, maxHops: 3));
    }
}
