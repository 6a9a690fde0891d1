using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Core.Recommendations;

/// <summary>
/// The feed's sources: the people the viewer trusts most (<see cref="MaxSources"/>, from the trust engine as
/// <see cref="GetWebOfTrust"/> asks it, on the topic when given) with the viewer's personalized trust in each.
/// </summary>
internal sealed record FeedSources(TrustGraph Graph, Perspective Perspective, int TopicIndex, IReadOnlyDictionary<Guid, (double Trust, int Node)> People)
{
    public const int MaxSources = 500;

    public static async Task<FeedSources?> ForAsync(RapportDbContext db, TrustGraphStore store, Guid viewerId, string topic, CancellationToken cancellationToken)
    {
        var graph = await store.GetAsync(cancellationToken);
        if (await TrustPerspectives.ForAsync(db, graph, viewerId, cancellationToken) is not { } perspective)
        {
            return null;
        }

        var topicIndex = graph.TopicIndexOf(topic);
        var top = new ScoredNode[MaxSources];
        var count = TrustQueries.Top(graph.Snapshot, perspective, topicIndex, TrustQueryOptions.Default, top);
        var people = new Dictionary<Guid, (double, int)>();
        foreach (var scored in top.AsSpan(0, count))
        {
            var person = graph.PersonAt(scored.Node);
            if (scored.Score > 0 && person != Guid.Empty && person != viewerId)
            {
                people[person] = (scored.Score, scored.Node);
            }
        }

        return new FeedSources(graph, perspective, topicIndex, people);
    }

    /// <summary>The named step of the engine's level of trust in <paramref name="node"/>, null when it has none.</summary>
    public TrustLevel? LevelOf(int node) => LevelIn(node) is { } level ? TrustLevel.Nearest(level) : null;

    /// <summary>
    /// The engine's level of trust in <paramref name="node"/> (the scale of stated trust, [-1, 1]); null when it has none.
    /// A strongest-path search each, so remembered: a page asks for the same recommender on several items.
    /// </summary>
    public double? LevelIn(int node)
    {
        if (!_levels.TryGetValue(node, out var level))
        {
            _levels[node] = level = TrustQueries.Level(Graph.Snapshot, Perspective, TopicIndex, node, TrustQueryOptions.Default);
        }

        return level;
    }

    private readonly Dictionary<int, double?> _levels = [];

    /// <summary>
    /// Recommenders as the feed and the item page show them, most trusted first (then by handle). The named
    /// <see cref="TrustedRecommender.Level"/> is worked out for the first <paramref name="levels"/> of each item only
    /// (all when null), since each costs a path search and pages show a few.
    /// </summary>
    public async Task<List<TrustedRecommender>> ToRecommendersAsync(
        RapportDbContext db, MarkdownRenderer markdown, IEnumerable<Recommendation> recommendations, CancellationToken cancellationToken, int? levels = null)
    {
        var list = recommendations.Where(r => People.ContainsKey(r.PersonId)).ToList();
        var people = await Communities.CommunityProjections.LoadPeopleAsync(db, list.Select(r => r.PersonId).Distinct().ToList(), cancellationToken);
        return list.Where(r => people.ContainsKey(r.PersonId))
            .Select(r => (r, People[r.PersonId]))
            .OrderByDescending(x => x.Item2.Trust).ThenBy(x => people[x.r.PersonId].Handle, StringComparer.Ordinal)
            .GroupBy(x => x.r.ItemId)
            .SelectMany(item => item.Select((x, i) => new TrustedRecommender(
                people[x.r.PersonId], x.Item2.Trust, i < (levels ?? int.MaxValue) ? LevelOf(x.Item2.Node) : null, x.r.Id, x.r.Rating, x.r.Note,
                markdown.ToSafeHtml(x.r.Note), RecommendationProjections.TopicOrNull(x.r.Topic), x.r.ChangedAt)))
            .OrderByDescending(r => r.Trust).ThenBy(r => r.Person.Handle, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Current recommendations by the sources that the viewer may see, on the topic (theirs or their item's) when given.</summary>
    public IQueryable<Recommendation> Visible(RapportDbContext db, Guid viewerId, string topic)
    {
        var ids = People.Keys.ToList();
        var query = db.Recommendations.AsNoTracking()
            .Where(RecommendationAccess.CanSee(viewerId))
            .Where(r => r.RevokedAt == null && ids.Contains(r.PersonId));
        return topic.Length == 0 ? query : query.Where(r => r.Topic == topic || r.Item!.Topics.Any(t => t.Topic == topic));
    }
}
