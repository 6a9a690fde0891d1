using Rapport.Trust.Graph;
using Rapport.Trust.Graph.Synthetic;

namespace Rapport.Trust.Tests.Graph.Synthetic;

public sealed class SybilRegionTests
{
    private const int Honest = 500;
    private static readonly StatementEdge[] HonestEdges = PowerLawGraph.Generate(Honest, 3_000, seed: 5);

    private static SybilAttack Attack(int k, int seed = 1) => SybilRegion.Attach(Honest, HonestEdges, sybilCount: 200, sybilOutDegree: 10, attackEdgeCount: k, seed);

    [Fact]
    public void Attach_AddsSybilsAfterTheHonestNodesAndKeepsTheHonestEdges()
    {
        var attack = Attack(3);

        Assert.Equal((700, 500, 200), (attack.NodeCount, attack.FirstSybil, attack.SybilCount));
        Assert.Equal(HonestEdges, attack.Edges.Take(HonestEdges.Length));
        Assert.Equal(HonestEdges.Length + (200 * 10) + 3, attack.Edges.Length);
        Assert.True(attack.IsSybil(500));
        Assert.False(attack.IsSybil(499));
    }

    [Fact]
    public void Attach_EachSybilTrustsTheRequestedNumberOfOtherSybilsAndNoHonestNode()
    {
        var region = Attack(3).Edges.Skip(HonestEdges.Length).Take(200 * 10).ToArray();

        Assert.All(region, e => Assert.True(e.From >= Honest && e.To >= Honest && e.From != e.To && e.Value == SybilRegion.TrustValue));
        Assert.All(region.GroupBy(e => e.From), g => Assert.Equal(10, g.Select(e => e.To).Distinct().Count()));
        Assert.Equal(200, region.Select(e => e.From).Distinct().Count());
    }

    [Fact]
    public void Attach_AttackEdgesGoFromDistinctHonestNodesToSybils()
    {
        var attack = Attack(10);

        Assert.Equal(attack.AttackEdges, attack.Edges[^10..]);
        Assert.All(attack.AttackEdges, e => Assert.True(e.From < Honest && attack.IsSybil(e.To) && e.Value == 1f));
        Assert.Equal(10, attack.AttackEdges.Select(e => e.From).Distinct().Count());
    }

    [Fact]
    public void Attach_MoreAttackEdges_ExtendFewerOnTheSameRegion()
    {
        var one = Attack(1);
        var three = Attack(3);
        var ten = Attack(10);

        Assert.Equal(one.AttackEdges, three.AttackEdges[..1]);
        Assert.Equal(three.AttackEdges, ten.AttackEdges[..3]);
        Assert.Equal(one.Edges[..^1], ten.Edges[..^10]);
    }

    [Fact]
    public void Attach_IsDeterministicForASeed()
    {
        Assert.Equal(Attack(3, seed: 9).Edges, Attack(3, seed: 9).Edges);
        Assert.NotEqual(Attack(3, seed: 9).Edges, Attack(3, seed: 10).Edges);
    }
}
