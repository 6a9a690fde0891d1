using Rapport.Trust.Graph;
using static Rapport.Trust.Tests.Graph.Statements;

namespace Rapport.Trust.Tests.Graph;

public sealed class PerspectiveViewTests
{
    private const int Piloting = 1;

    [Fact]
    public void Trust_OfTheViewer_IncludesTheirOwnStatementsOfEveryScope()
    {
        var snapshot = Snapshot(4, Public(0, 1, 1f), Private(0, 2, 0.5f), InCommunity(9, 0, 3, 0.25f));

        var row = new PerspectiveView(snapshot, Perspective.Of(0), TopicIndex.General, 0.5f).TrustRow(0);

        Assert.Equal([1, 3, 2], row.Select(e => e.To));
    }

    [Fact]
    public void Trust_OfSomeoneElse_NeverIncludesTheirPrivateStatements()
    {
        var snapshot = Snapshot(4, Public(1, 2, 1f), Private(1, 3, 1f));

        var view = new PerspectiveView(snapshot, Perspective.Of(0), TopicIndex.General, 0.5f);

        Assert.Equal([2], view.TrustRow(1).Select(e => e.To));
        Assert.False(view.IsPlain(0));
        Assert.True(view.IsPlain(1));
    }

    [Fact]
    public void Trust_OfSomeoneElse_IncludesCommunityStatementsOnlyForMembers()
    {
        var snapshot = Snapshot(4, InCommunity(5, 1, 2, 1f), InCommunity(7, 1, 3, 1f));

        Assert.Equal([2], new PerspectiveView(snapshot, new Perspective(0, new[] { 5 }), 0, 0.5f).TrustRow(1).Select(e => e.To));
        Assert.Empty(new PerspectiveView(snapshot, Perspective.Of(0), 0, 0.5f).TrustRow(1));
        Assert.Equal([2, 3], new PerspectiveView(snapshot, Perspective.Of(1), 0, 0.5f).TrustRow(1).Select(e => e.To));
    }

    [Fact]
    public void Trust_OnATopic_UsesTopicStatementsAndFallsBackToGeneralAtTheDiscount()
    {
        var snapshot = Snapshot(4, Public(0, 1, 0.6f, Piloting), Public(0, 1, 0.4f), Public(0, 2, 0.8f), Public(0, 3, 0.9f, topic: 2));

        var row = new PerspectiveView(snapshot, Perspective.Of(0), Piloting, 0.5f).TrustRow(0);

        Assert.Equal(
            [new ViewEdge(1, 0.6f, 0.6f, Piloting, false), new ViewEdge(2, 0.8f, 0.4f, TopicIndex.General, true)],
            row);
    }

    [Fact]
    public void Trust_OnATopic_IsHiddenByADistrustOnThatTopic()
    {
        var snapshot = Snapshot(4, Public(1, 3, 0.9f), Public(1, 3, -0.5f, Piloting));

        var view = new PerspectiveView(snapshot, Perspective.Of(0), Piloting, 0.5f);

        Assert.Empty(view.TrustRow(1));
        Assert.Equal([new ViewEdge(3, -0.5f, 0.5f, Piloting, false)], view.DistrustRow(1));
    }

    [Fact]
    public void Trust_OnATopic_IsNotHiddenByATopicStatementTheViewerCannotSee()
    {
        var snapshot = Snapshot(4, Public(1, 3, 0.9f), InCommunity(8, 1, 3, -1f, Piloting), Private(1, 3, -1f, Piloting));

        var row = new PerspectiveView(snapshot, Perspective.Of(0), Piloting, 0.5f).TrustRow(1);

        Assert.Equal([new ViewEdge(3, 0.9f, 0.45f, TopicIndex.General, true)], row);
    }

    [Fact]
    public void Distrust_FallsBackToGeneralDistrustAtTheDiscount()
    {
        var snapshot = Snapshot(3, Public(0, 2, -0.8f));

        var row = new PerspectiveView(snapshot, Perspective.Of(1), Piloting, 0.5f).DistrustRow(0);

        Assert.Equal([new ViewEdge(2, -0.8f, 0.4f, TopicIndex.General, true)], row);
    }

    [Fact]
    public void Constructor_WithUnsortedCommunitiesOrAViewerOutsideTheGraph_Throws()
    {
        var snapshot = Snapshot(2);

        Assert.Throws<ArgumentException>(() => new PerspectiveView(snapshot, new Perspective(0, new[] { 3, 1 }), 0, 0.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerspectiveView(snapshot, Perspective.Of(2), 0, 0.5f));
    }
}
