using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Trust.Feed;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Core.Recommendations;

/// <summary>
/// The feed's sources: the people the viewer trusts most (<see cref="MaxSources"/>, from the trust engine as
/// <see cref="GetWebOfTrust"/> asks it, on the topic when given) with the viewer's personalized trust in each.
/// </summary>
internal sealed record FeedSources(
    TrustGraph Graph, Perspective Perspective, IReadOnlySet<Guid> ViewerCommunities, int TopicIndex, IReadOnlyDictionary<Guid, (double Trust, int Node)> People)
{
    public const int MaxSources = 500;

    public static async Task<FeedSources?> ForAsync(RapportDbContext db, TrustGraphStore store, Guid viewerId, string topic, CancellationToken cancellationToken)
    {
        var graph = await store.GetAsync(cancellationToken);
        if (!graph.TryGetNode(viewerId, out var viewer))
        {
            return null; // as TrustPerspectives: from someone with no statement in the graph nobody can be reached
        }

        // The viewer's communities now (not the graph's), read once for the engine and for the visibility rule.
        var communities = (await db.Memberships.AsNoTracking().Where(m => m.PersonId == viewerId).Select(m => m.CommunityId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var perspective = graph.PerspectiveOf(viewer, communities);

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

        return new FeedSources(graph, perspective, communities, topicIndex, people);
    }

    /// <summary>The named step of the engine's level of trust in <paramref name="node"/>, null when it has none.</summary>
    public TrustLevel? LevelOf(int node)
    {
        KnowLevels([node], named: true);
        return _levels[node].Level is { } level ? TrustLevel.Nearest(level) : null;
    }

    /// <summary>
    /// The engine's level of trust in <paramref name="node"/> (the scale of stated trust, [-1, 1]); null when it has none.
    /// Remembered, and best asked for in bulk first (<see cref="KnowLevels"/>): each search costs a walk of the graph.
    /// </summary>
    public double? LevelIn(int node)
    {
        KnowLevels([node], named: false);
        return _levels[node].Level;
    }

    /// <summary>
    /// Works out, in one search (<see cref="TrustLevels"/>), the levels of those of <paramref name="nodes"/> not known
    /// yet: exactly, or (<paramref name="named"/>) only as closely as <see cref="LevelOf"/> needs to name their step.
    /// </summary>
    public void KnowLevels(IEnumerable<int> nodes, bool named)
    {
        var exactFrom = named ? NamedExactFrom : 0;
        var missing = nodes.Where(n => !_levels.TryGetValue(n, out var known) || known.ExactFrom > exactFrom).Distinct().ToArray();
        if (missing.Length > 0)
        {
            var found = TrustLevels.Of(Graph.Snapshot, Perspective, TopicIndex, TrustQueryOptions.Default, missing, exactFrom: exactFrom);
            for (var i = 0; i < missing.Length; i++)
            {
                _levels[missing[i]] = (found[i], exactFrom);
            }
        }
    }

    /// <summary>
    /// Every level in [0, this) is nearest to <see cref="TrustLevel.Some"/> (it is just under halfway to
    /// <see cref="TrustLevel.ALot"/>), so naming a step needs exact levels from here up only: the search for the
    /// levels of the people a page names can stop at the walks weaker than this.
    /// </summary>
    private static readonly float NamedExactFrom = BelowHalfway(TrustLevel.Some.Value, TrustLevel.ALot.Value);

    private static float BelowHalfway(double low, double high)
    {
        var halfway = (low + high) / 2;
        var single = (float)halfway;
        return single < halfway ? single : MathF.BitDecrement(single);
    }

    /// <summary>Levels worked out so far, each exact from its <c>ExactFrom</c> up (below it only as an upper bound).</summary>
    private readonly Dictionary<int, (double? Level, float ExactFrom)> _levels = [];

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
        var byItem = list.Where(r => people.ContainsKey(r.PersonId))
            .Select(r => (r, People[r.PersonId]))
            .OrderByDescending(x => x.Item2.Trust).ThenBy(x => people[x.r.PersonId].Handle, StringComparer.Ordinal)
            .GroupBy(x => x.r.ItemId)
            .Select(item => item.Select((x, i) => (x.r, x.Item2.Trust, x.Item2.Node, Named: i < (levels ?? int.MaxValue))).ToList())
            .ToList();
        KnowLevels(byItem.SelectMany(item => item.Where(x => x.Named).Select(x => x.Node)), named: true);
        return byItem.SelectMany(item => item.Select(x => new TrustedRecommender(
                people[x.r.PersonId], x.Trust, x.Named ? LevelOf(x.Node) : null, x.r.Id, x.r.Rating, x.r.Note,
                markdown.ToSafeHtml(x.r.Note), RecommendationProjections.TopicOrNull(x.r.Topic), x.r.ChangedAt)))
            .OrderByDescending(r => r.Trust).ThenBy(r => r.Person.Handle, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Current recommendations by the sources that the viewer may see, newest first, on the topic (theirs or their
    /// item's) when given: <see cref="RecommendationIndex.VisibleAsync"/>.
    /// </summary>
    public Task<ArraySegment<IndexedRecommendation>> VisibleAsync(
        RapportDbContext db, RecommendationIndex index, Guid viewerId, string topic, FeedWorkspace workspace, CancellationToken cancellationToken) =>
        index.VisibleAsync(db, viewerId, ViewerCommunities, People.Keys, topic, workspace, cancellationToken);
}
