using Rapport.Trust.Graph;
using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

/// <summary>Small hand-built worlds for the router: people 0..n−1, text, topics, activity and trust edges.</summary>
internal sealed class RoutingFixture(int people)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<StatementEdge> edges = [];
    private readonly Dictionary<string, int> topics = new(StringComparer.Ordinal);

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

    /// <summary>A trust statement on a topic (indices 1, 2, … in order of first use; the sources then map topics to them).</summary>
    public RoutingFixture TrustsOn(int from, int to, string topic, float value = 1, EdgeScope scope = EdgeScope.Public)
    {
        edges.Add(new StatementEdge(from, to, value, TopicOf(topic), scope));
        return this;
    }

    /// <summary>Names a topic in the trust graph's map without any statement on it.</summary>
    public RoutingFixture NamesTopic(string topic)
    {
        TopicOf(topic);
        return this;
    }

    public RoutingSources Sources => new(Expertise, Responsiveness, TrustSnapshot.Build(people, [.. edges], 1))
    {
        TopicIndexOf = topics.Count == 0 ? null : t => topics.GetValueOrDefault(t, TopicIndex.General),
    };

    private int TopicOf(string topic)
    {
        if (!topics.TryGetValue(topic, out var index))
        {
            topics[topic] = index = topics.Count + 1;
        }

        return index;
    }

    public static RoutingRequest Ask(int asker, string text, params string[] topics) => new(asker, Now, text, topics);
}
