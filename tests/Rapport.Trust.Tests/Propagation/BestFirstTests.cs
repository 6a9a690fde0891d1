using Rapport.Trust.Propagation;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Tests.Propagation;

public sealed class BestFirstTests
{
    [Fact]
    public void Write_RanksByScore_ThenFewerHops_ThenLowerNodeIndex()
    {
        RankedNode[] candidates = [new(7, 0.5f, 1), new(3, 0.9f, 2), new(5, 0.9f, 1), new(2, 0.5f, 1), new(9, 0.9f, 1)];
        var into = new ScoredNode[5];

        var count = BestFirst.Write(candidates, into);

        Assert.Equal(5, count);
        Assert.Equal([5, 9, 3, 2, 7], into.Select(s => s.Node));
    }

    [Fact]
    public void Write_WithFewerSlots_KeepsTheBest()
    {
        var candidates = Enumerable.Range(0, 100).Select(i => new RankedNode(i, (i * 37) % 100, 1)).ToArray();
        var into = new ScoredNode[3];

        var count = BestFirst.Write(candidates, into);

        Assert.Equal(3, count);
        Assert.Equal([99f, 98f, 97f], into.Select(s => s.Score));
    }

    [Fact]
    public void Write_WithNoSlotsOrNoCandidates_WritesNothing()
    {
        Assert.Equal(0, BestFirst.Write([new RankedNode(1, 1f, 1)], []));
        Assert.Equal(0, BestFirst.Write([], new ScoredNode[4]));
    }
}
