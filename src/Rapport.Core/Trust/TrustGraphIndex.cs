using System.Collections.Concurrent;

namespace Rapport.Core.Trust;

/// <summary>
/// Dense indices for the engine: person ↔ node, community → index, topic ↔ index (0 is general trust). Indices are
/// handed out once and never reused or moved, so every published <see cref="TrustGraph"/> can keep reading the maps
/// while the one refresher appends: lookups go through concurrent dictionaries, and a graph reads the reverse arrays
/// only below the counts it was published with (an array that grows is copied; the old one stays valid for old graphs).
/// </summary>
internal sealed class TrustGraphIndex
{
    private readonly ConcurrentDictionary<Guid, int> _nodes = new();
    private readonly ConcurrentDictionary<Guid, int> _communities = new();
    private readonly ConcurrentDictionary<string, int> _topics = new(StringComparer.Ordinal);
    private Guid[] _people = new Guid[1024];
    private string[] _topicNames = new string[64];

    public TrustGraphIndex()
    {
        _topics[TrustStatement.GeneralTopic] = Rapport.Trust.Graph.TopicIndex.General;
        _topicNames[0] = TrustStatement.GeneralTopic;
        TopicCount = 1;
    }

    public int NodeCount { get; private set; }

    public int TopicCount { get; private set; }

    public int CommunityCount => _communities.Count;

    /// <summary>The node of <paramref name="person"/>, handed out now if it has none. Refresher only.</summary>
    public int Node(Guid person)
    {
        if (_nodes.TryGetValue(person, out var node))
        {
            return node;
        }

        if (NodeCount == _people.Length)
        {
            Array.Resize(ref _people, _people.Length * 2); // a copy: graphs published earlier keep the old array
        }

        node = NodeCount;
        _people[node] = person;
        NodeCount = node + 1;
        _nodes[person] = node;
        return node;
    }

    public int Community(Guid community) => _communities.GetOrAdd(community, _ => _communities.Count);

    public int Topic(string topic)
    {
        if (_topics.TryGetValue(topic, out var index))
        {
            return index;
        }

        if (TopicCount == _topicNames.Length)
        {
            Array.Resize(ref _topicNames, _topicNames.Length * 2);
        }

        index = TopicCount;
        _topicNames[index] = topic;
        TopicCount = index + 1;
        _topics[topic] = index;
        return index;
    }

    public bool TryGetNode(Guid person, out int node) => _nodes.TryGetValue(person, out node);

    public bool TryGetCommunity(Guid community, out int index) => _communities.TryGetValue(community, out index);

    public bool TryGetTopic(string topic, out int index) => _topics.TryGetValue(topic, out index);

    /// <summary>The reverse arrays as they are now; valid below the counts read at the same time.</summary>
    public (Guid[] People, string[] Topics, int TopicCount) Reverse() => (_people, _topicNames, TopicCount);
}
