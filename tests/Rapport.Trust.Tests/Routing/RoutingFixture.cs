using Rapport.Trust.Graph;
using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

/// <summary>Small hand-built worlds for the router: people 0..n−1, text, topics, activity and trust edges.</summary>
internal sealed class RoutingFixture(int people)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<StatementEdge> edges = [];

    public ExpertiseIndex Expertise { get; } = new();

    public ResponsivenessLog Responsiveness { get; } = new();

    public RoutingFixture Knows(int person, string text, params string[] topics)
    {
        Expertise.AddText(person, text);
        Expertise.AddTopics(person, topics);
        return this;
    }

    public RoutingFixture Active(int person, double daysAgo, double weight = 1)
    {
        Responsiveness.RecordActivity(person, Now.AddDays(-daysAgo), weight);
        return this;
    }

    public RoutingFixture Trusts(int from, int to, float value = 1)
    {
        edges.Add(new StatementEdge(from, to, value, TopicIndex.General, EdgeScope.Public));
        return this;
    }

    public RoutingFixture TrustsPrivately(int from, int to, float value = 1)
    {
        edges.Add(new StatementEdge(from, to, value, TopicIndex.General, EdgeScope.Private));
        return this;
    }

    public RoutingSources Sources => new(Expertise, Responsiveness, TrustSnapshot.Build(people, [.. edges], 1));

    public static RoutingRequest Ask(int asker, string text, params string[] topics) => new(asker, Now, text, topics);
}
