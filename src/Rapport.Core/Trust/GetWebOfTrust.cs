using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Core.Trust;

/// <summary>
/// The people the viewer can trust most, on a topic or in general, from the viewer's own perspective (never a global
/// ranking): best first, at most <c>limit</c> (1–<see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>), the first
/// <see cref="PathsShown"/> with the strongest path that explains them.
/// </summary>
public sealed class GetWebOfTrust(RapportDbContext db, TrustGraphStore store)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int PathsShown = 5;

    public async Task<Outcome<WebOfTrust>> ExecuteAsync(Guid viewerId, string? topic, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var normalizedTopic = ValidTrustFields.Topic(topic, errors);
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"Limit must be between 1 and {MaxLimit}.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<WebOfTrust>.Invalid(errors);
        }

        var graph = await store.GetAsync(cancellationToken);
        if (await TrustPerspectives.ForAsync(db, graph, viewerId, cancellationToken) is not { } perspective)
        {
            return new WebOfTrust(TrustProjections.TopicOrNull(normalizedTopic), []);
        }

        var topicIndex = graph.TopicIndexOf(normalizedTopic);
        var scored = TopWithWholeTies(graph, perspective, topicIndex, take);
        var people = await Communities.CommunityProjections.LoadPeopleAsync(db, scored.Select(s => graph.PersonAt(s.Node)).ToList(), cancellationToken);

        // Equal trust is ordered by handle, never by the engine's node numbers: those follow the order in which people
        // first appeared in any statement, private ones included, so ordering or cutting ties by them would let a
        // private statement move people in everyone else's list.
        var ranked = scored
            .Select(s => (s.Node, s.Score, Person: people.GetValueOrDefault(graph.PersonAt(s.Node)))) // someone deleted since the graph's last refresh is left out
            .Where(r => r.Person is not null)
            .OrderByDescending(r => r.Score).ThenBy(r => r.Person!.Handle, StringComparer.Ordinal)
            .Take(take)
            .ToList();
        var paths = ranked.Take(PathsShown)
            .Select(r => TrustQueries.Why(graph.Snapshot, perspective, topicIndex, r.Node, maxPaths: 1).FirstOrDefault())
            .ToList();
        var pathViews = await TrustPerspectives.ToViewsAsync(db, graph, paths, cancellationToken);
        var trusted = ranked.Select((r, i) => new TrustedPerson(r.Person!, r.Score, i < pathViews.Count ? pathViews[i] : null)).ToList();

        return new WebOfTrust(TrustProjections.TopicOrNull(normalizedTopic), trusted);
    }

    /// <summary>
    /// The engine's best <paramref name="take"/>, widened until no one tied with the last of them is left out, so that
    /// which of several equally trusted people make the cut is decided by their handles, not by node numbers.
    /// </summary>
    private static ScoredNode[] TopWithWholeTies(TrustGraph graph, Perspective perspective, int topicIndex, int take)
    {
        for (var capacity = take + 1; ; capacity *= 2)
        {
            var top = new ScoredNode[capacity];
            var count = TrustQueries.Top(graph.Snapshot, perspective, topicIndex, TrustQueryOptions.Default, top);
            if (count < capacity || top[count - 1].Score < top[take - 1].Score)
            {
                return top[..count];
            }
        }
    }
}
