using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
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
        var top = new ScoredNode[take];
        var count = TrustQueries.Top(graph.Snapshot, perspective, topicIndex, TrustQueryOptions.Default, top);
        var scored = top.AsSpan(0, count).ToArray();
        var paths = scored.Take(PathsShown)
            .Select(s => TrustQueries.Why(graph.Snapshot, perspective, topicIndex, s.Node, maxPaths: 1).FirstOrDefault())
            .ToList();
        var pathViews = await TrustPerspectives.ToViewsAsync(db, graph, paths, cancellationToken);
        var people = await Communities.CommunityProjections.LoadPeopleAsync(db, scored.Select(s => graph.PersonAt(s.Node)).ToList(), cancellationToken);

        var trusted = new List<TrustedPerson>(count);
        for (var i = 0; i < scored.Length; i++)
        {
            if (people.TryGetValue(graph.PersonAt(scored[i].Node), out var person)) // someone deleted since the graph's last refresh is left out
            {
                trusted.Add(new TrustedPerson(person, scored[i].Score, i < pathViews.Count ? pathViews[i] : null));
            }
        }

        return new WebOfTrust(TrustProjections.TopicOrNull(normalizedTopic), trusted);
    }
}
