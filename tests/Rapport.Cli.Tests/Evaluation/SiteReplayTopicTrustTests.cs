using Rapport.Cli.Evaluation.Routing;
using Rapport.Trust.Graph;
using Rapport.Trust.Routing;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Tests.Evaluation;

/// <summary>Round 7: the replay's interactions on a question's tags become topic statements, and only those before an instant count.</summary>
public sealed class SiteReplayTopicTrustTests
{
    private static readonly DateTimeOffset Day0 = new(2020, 1, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// q1 "Qubit" by user 1 on day 1, answered by user 2 two hours later; q2 "qubit" by user 1 on day 3, answered by user 3
    /// an hour later; user 4 comments on user 2's answer to q1 on day 5; q3 "photon" by user 5 on day 7. Edges both ways.
    /// </summary>
    private static StackExchangeSite Site() => new(
        "tiny", [1, 2, 3, 4, 5],
        [Question(1, 1, 1, "Qubit"), Question(2, 1, 3, "qubit"), Question(3, 5, 7, "photon")],
        [new SiteAnswer(101, 1, 2, Day0.AddDays(1).AddHours(2), "a"), new SiteAnswer(102, 2, 3, Day0.AddDays(3).AddHours(1), "b")],
        [new SiteComment(101, 4, Day0.AddDays(5), "c")], [], ["qubit", "photon"]);

    [Fact]
    public void AnAnswer_StatesTrustOnTheQuestionsTags_AtItsGeneralValue_AndACommentOnAnAnswer_OnItsQuestionsTags()
    {
        var replay = new SiteReplay(Site(), EdgeDirection.Both, RoutingParameters.DefaultCommentEdgeWeight);
        var (qubit, photon) = (replay.TopicIndexOf("qubit"), replay.TopicIndexOf("photon"));
        var (u1, u2, u4) = (replay.Node(1), replay.Node(2), replay.Node(4));

        replay.AdvanceTo(Day0.AddDays(6));
        var trust = replay.Trust;

        // One answer: 1 − 2^−1 = 0.5 on "qubit" (its own word there); on "photon" only the general 0.5 at the fallback
        // discount 0.5. The comment (weight 0.5) on 2's answer to the qubit question: 1 − 2^−0.5 on "qubit", 4 → 2 and back.
        Assert.Equal(0.5f, TrustQueries.Level(trust, new Perspective(u1, default), qubit, u2, maxHops: 1));
        Assert.Equal(0.25f, TrustQueries.Level(trust, new Perspective(u1, default), photon, u2, maxHops: 1));
        Assert.Equal((float)(1 - Math.Pow(2, -0.5)), TrustQueries.Level(trust, new Perspective(u4, default), qubit, u2, maxHops: 1));
        Assert.Equal((float)(1 - Math.Pow(2, -0.5)), TrustQueries.Level(trust, new Perspective(u2, default), qubit, u4, maxHops: 1));
        Assert.Equal(TopicIndex.General, replay.TopicIndexOf("never-used"));
    }

    [Fact]
    public void WhenQ2IsRanked_NoInteractionAtOrAfterItEntersTheTopicTrust()
    {
        var replay = new SiteReplay(Site(), EdgeDirection.Both, RoutingParameters.DefaultCommentEdgeWeight);
        var q2 = Site().Questions[1];
        replay.AdvanceTo(q2.Created);

        var signals = Router.Measure(replay.Sources, new RoutingRequest(replay.Node(1), q2.Created, q2.Text, q2.Tags), RoutingOptions.Default);

        // Known before q2: only 2's answer to q1 (and 4 and 3 had done nothing yet, so they are not even candidates).
        Assert.Equal(["qubit"], signals.TrustTopics);
        var two = Assert.Single(signals.Candidates);
        Assert.Equal(replay.Node(2), two.Person);
        Assert.True(two.TopicTrustMass[0] > 0);
        var perspective = new Perspective(replay.Node(1), default);
        var qubit = replay.TopicIndexOf("qubit");
        Assert.Null(TrustQueries.Level(replay.Trust, perspective, qubit, replay.Node(3)));
        Assert.Null(TrustQueries.Level(replay.Trust, new Perspective(replay.Node(2), default), qubit, replay.Node(4)));
    }

    private static SiteQuestion Question(int id, int owner, int day, string tag) =>
        new(id, owner, Day0.AddDays(day), $"title {id}", $"text {id}", [tag], null);
}
