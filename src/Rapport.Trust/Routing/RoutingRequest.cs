using Rapport.Trust.Graph;

namespace Rapport.Trust.Routing;

/// <summary>A problem to route: who asks, when, its text and topics, and who must not be asked.</summary>
/// <param name="Asker">The asker's node index; never a candidate.</param>
/// <param name="At">When it is asked: activity at or after this instant is not read.</param>
/// <param name="Text">Title and body as plain text.</param>
/// <param name="Topics">The problem's topics (normalized by the index).</param>
public sealed record RoutingRequest(int Asker, DateTimeOffset At, string Text, IReadOnlyList<string> Topics)
{
    /// <summary>The asker's communities, sorted ascending: the trust perspective (<see cref="Perspective"/>).</summary>
    public ReadOnlyMemory<int> Communities { get; init; } = ReadOnlyMemory<int>.Empty;

    /// <summary>Pairs who blocked one another, in either order; a candidate paired with the asker is never routed to.</summary>
    public IReadOnlySet<(int, int)> BlockedPairs { get; init; } = new HashSet<(int, int)>();

    /// <summary>People who are over their attention budget or unavailable now; never routed to.</summary>
    public IReadOnlySet<int> Unavailable { get; init; } = new HashSet<int>();

    /// <summary>The trust perspective of the asker.</summary>
    public Perspective Perspective => new(Asker, Communities);

    /// <summary>Whether the asker may be routed to <paramref name="person"/>.</summary>
    public bool Allows(int person) =>
        person != Asker && !Unavailable.Contains(person) && !BlockedPairs.Contains((Asker, person)) && !BlockedPairs.Contains((person, Asker));
}

/// <summary>What the router reads: the expertise index, the responsiveness log and the current trust snapshot.</summary>
public sealed record RoutingSources(ExpertiseIndex Expertise, ResponsivenessLog Responsiveness, TrustSnapshot Trust)
{
    /// <summary>
    /// The trust snapshot's topic index of a normalized topic (<see cref="Topics.Topic.Normalize"/>), for topic-scoped
    /// closeness (round 7). Null: the snapshot has no topic statements, and the asker's closeness on every topic is their
    /// general closeness. A topic no statement uses may map to an index no statement carries (the engine then answers
    /// with general trust at the fallback discount, exactly as for a topic whose statements the asker cannot see);
    /// <see cref="TopicIndex.General"/> means "not a topic" and is skipped.
    /// </summary>
    public Func<string, int>? TopicIndexOf { get; init; }
}
