using Rapport.Trust.Graph;

namespace Rapport.Core.Trust;

/// <summary>
/// One published state of this node's trust graph: an immutable <see cref="TrustSnapshot"/> and the index maps that
/// turn people, communities and topics into the engine's numbers and back. Safe to read from any thread, forever; a
/// refresh publishes a new one instead of changing this.
/// </summary>
public sealed class TrustGraph
{
    private readonly TrustGraphIndex _index;
    private readonly Guid[] _people;
    private readonly string[] _topics;
    private readonly int _topicCount;

    internal TrustGraph(TrustSnapshot snapshot, TrustGraphIndex index)
    {
        Snapshot = snapshot;
        _index = index;
        (_people, _topics, _topicCount) = index.Reverse();
    }

    public TrustSnapshot Snapshot { get; }

    /// <summary>The trust change-log position this graph reflects.</summary>
    public long Version => Snapshot.Version;

    /// <summary>The node of <paramref name="person"/>; false when they have no statement in this graph, either way.</summary>
    internal bool TryGetNode(Guid person, out int node) =>
        _index.TryGetNode(person, out node) && node < Snapshot.NodeCount;

    internal Guid PersonAt(int node) => node >= 0 && node < Snapshot.NodeCount ? _people[node] : Guid.Empty;

    /// <summary>
    /// The engine's index of a normalized topic. A topic no statement in this graph uses gets an index no statement has,
    /// so it is answered exactly as a topic whose statements the viewer cannot see: general trust at the fallback
    /// discount. (Answering it as general trust would let a private or community statement, by merely naming a topic,
    /// change what everyone else sees on it.)
    /// </summary>
    internal int TopicIndexOf(string topic) =>
        _index.TryGetTopic(topic, out var index) && index < _topicCount ? index : TopicWithoutStatements;

    /// <summary>An engine topic index no statement carries.</summary>
    internal const int TopicWithoutStatements = int.MaxValue;

    /// <summary>The topic behind an engine index; null for general trust.</summary>
    internal string? TopicAt(int index) =>
        index > TopicIndex.General && index < _topicCount ? _topics[index] : null;

    /// <summary>The viewer's perspective: their node and the indices of their communities (ascending, as the engine requires).</summary>
    internal Perspective PerspectiveOf(int viewer, IEnumerable<Guid> communities)
    {
        var indices = communities
            .Select(c => _index.TryGetCommunity(c, out var index) ? index : -1)
            .Where(i => i >= 0)
            .Distinct()
            .Order()
            .ToArray();
        return new Perspective(viewer, indices);
    }
}
