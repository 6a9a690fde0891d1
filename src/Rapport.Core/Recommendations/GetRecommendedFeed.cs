using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Trust.Feed;

namespace Rapport.Core.Recommendations;

/// <summary>
/// "Recommended by people you trust": the people the viewer trusts most (<see cref="FeedSources"/>, on the topic when
/// given) → the current recommendations by them the viewer may see (<see cref="RecommendationAccess.CanSee"/>) → items
/// scored Σ trust × rating weight and paged with a fair share per recommender (<see cref="FeedRanking"/>; the trusted
/// order pages from the start, so <c>offset</c> must be a multiple of <c>limit</c>). Chronological: the same
/// recommendations newest first, one entry each. A viewer with no trust stated has an empty feed. The sources'
/// recommendations come from this node's <see cref="RecommendationIndex"/>, caught up with the change log first; only
/// the page's few recommendations are read from the database (through the query form of the same rule).
/// </summary>
public sealed class GetRecommendedFeed(RapportDbContext db, TrustGraphStore store, RecommendationIndex index, MarkdownRenderer markdown)
{
    /// <summary>Recommenders named on an entry; the rest are "and N others".</summary>
    public const int RecommendersShown = 3;

    /// <summary>The newest recommendations the trusted order ranks; older ones fall out of the feed.</summary>
    public const int MaxRanked = 20_000;

    /// <summary>How deep the trusted order pages.</summary>
    public const int MaxOffset = 1_000;

    public async Task<Outcome<RecommendedFeed>> ExecuteAsync(
        Guid viewerId, string? topic, FeedOrder order, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = page.Validate(new FieldErrors());
        var normalized = RecommendationRules.Topic(topic, "topic", errors);
        if (!Enum.IsDefined(order))
        {
            errors.Add("view", "Choose trusted or chronological.");
        }
        else if (order == FeedOrder.Trusted && errors.IsEmpty && (page.Skip % page.Take != 0 || page.Skip > MaxOffset))
        {
            errors.Add("offset", $"In the trusted view the offset is a multiple of the limit, at most {MaxOffset}.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<RecommendedFeed>.Invalid(errors);
        }

        var sources = await FeedSources.ForAsync(db, store, viewerId, normalized, cancellationToken);
        if (sources is null || sources.People.Count == 0)
        {
            return new RecommendedFeed(RecommendationProjections.TopicOrNull(normalized), order, [], page.Skip, page.Take, HasMore: false);
        }

        // The visible list and the ranking's buffers are the workspace's: they must not outlive this request.
        var workspace = FeedWorkspace.Rent();
        try
        {
            var visible = await sources.VisibleAsync(db, index, viewerId, normalized, workspace, cancellationToken);
            return order == FeedOrder.Trusted
                ? await TrustedAsync(sources, viewerId, visible, workspace, normalized, page, cancellationToken)
                : await ChronologicalAsync(sources, viewerId, visible, normalized, page, cancellationToken);
        }
        finally
        {
            FeedWorkspace.Return(workspace);
        }
    }

    private async Task<RecommendedFeed> TrustedAsync(
        FeedSources sources, Guid viewerId, ArraySegment<IndexedRecommendation> visible, FeedWorkspace workspace, string topic, PageRequest page,
        CancellationToken cancellationToken)
    {
        var votes = visible[..Math.Min(visible.Count, MaxRanked)];

        // Indices decide ties: items by their newest recommendation first, recommenders by trust, then by id.
        var recommenders = workspace.Recommenders;
        foreach (var (person, (trust, _)) in sources.People)
        {
            recommenders.Add((person, trust));
        }

        recommenders.Sort(MostTrustedFirst);
        for (var i = 0; i < recommenders.Count; i++)
        {
            workspace.RecommenderIndex[recommenders[i].Id] = i;
        }

        workspace.EnsureVotes(votes.Count);
        var items = workspace.Items;
        for (var i = 0; i < votes.Count; i++)
        {
            var vote = votes[i];
            ref var item = ref CollectionsMarshal.GetValueRefOrAddDefault(workspace.ItemIndex, vote.ItemId, out var known);
            if (!known)
            {
                item = items.Count;
                items.Add(vote.ItemId);
            }

            var recommender = workspace.RecommenderIndex[vote.PersonId];
            workspace.Votes[i] = new FeedVote(item, recommender, recommenders[recommender].Trust, vote.Rating);
        }

        var rankedCount = FeedRanking.Score(workspace.Votes.AsSpan(0, votes.Count), items.Count, workspace.Ranked);
        var pageIndex = page.Skip / page.Take;
        var chosen = FeedRanking.Page(new ArraySegment<RankedItem>(workspace.Ranked, 0, rankedCount), page.Take, pageIndex, out var hasMore);

        // The page's recommendations are among the votes: read those few, notes and all.
        var chosenIds = chosen.Select(c => items[c.Item]).ToHashSet();
        var recommendations = await ReadAsync(viewerId, votes.Where(v => chosenIds.Contains(v.ItemId)), cancellationToken);
        var entries = await EntriesAsync(sources, chosen.Select(c => (items[c.Item], c.Score)).ToList(), recommendations, cancellationToken);
        return new RecommendedFeed(RecommendationProjections.TopicOrNull(topic), FeedOrder.Trusted, entries, page.Skip, page.Take, hasMore);
    }

    private static int MostTrustedFirst((Guid Id, double Trust) a, (Guid Id, double Trust) b)
    {
        var byTrust = b.Trust.CompareTo(a.Trust);
        return byTrust != 0 ? byTrust : a.Id.CompareTo(b.Id);
    }

    private async Task<RecommendedFeed> ChronologicalAsync(
        FeedSources sources, Guid viewerId, ArraySegment<IndexedRecommendation> visible, string topic, PageRequest page, CancellationToken cancellationToken)
    {
        var hasMore = visible.Count > page.Skip + page.Take;
        var recommendations = await ReadAsync(viewerId, visible.Skip(page.Skip).Take(page.Take), cancellationToken);
        var recommenders = await sources.ToRecommendersAsync(db, markdown, recommendations, cancellationToken);
        var byId = recommenders.ToDictionary(r => r.RecommendationId);
        var items = await db.LoadItemsAsync(markdown, recommendations.Select(r => r.ItemId), cancellationToken);
        var entries = recommendations.Where(r => byId.ContainsKey(r.Id))
            .Select(r => new FeedEntry(items[r.ItemId], byId[r.Id].Trust * FeedRanking.Weight(r.Rating), [byId[r.Id]], 0))
            .ToList();
        return new RecommendedFeed(RecommendationProjections.TopicOrNull(topic), FeedOrder.Chronological, entries, page.Skip, page.Take, hasMore);
    }

    /// <summary>
    /// The indexed recommendations' rows, in the given order, through the query form of the rule too: a row changed
    /// since the index was caught up (a write committing during this request) is shown as it is now, or not at all.
    /// </summary>
    private async Task<List<Recommendation>> ReadAsync(Guid viewerId, IEnumerable<IndexedRecommendation> indexed, CancellationToken cancellationToken)
    {
        var ids = indexed.Select(r => r.Id).ToList();
        var rows = await db.Recommendations.AsNoTracking().Where(RecommendationAccess.CanSee(viewerId))
            .Where(r => r.RevokedAt == null && ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private async Task<List<FeedEntry>> EntriesAsync(
        FeedSources sources, IReadOnlyList<(Guid Item, double Score)> chosen, IReadOnlyList<Recommendation> recommendations, CancellationToken cancellationToken)
    {
        var items = await db.LoadItemsAsync(markdown, chosen.Select(c => c.Item), cancellationToken);
        // One query for the page's recommenders; each item keeps the order (most trusted first).
        var itemOf = recommendations.ToDictionary(r => r.Id, r => r.ItemId);
        var byItem = (await sources.ToRecommendersAsync(db, markdown, recommendations, cancellationToken, levels: RecommendersShown))
            .ToLookup(r => itemOf[r.RecommendationId]);
        return chosen.Where(c => byItem[c.Item].Any()).Select(c =>
        {
            var recommenders = byItem[c.Item].ToList();
            return new FeedEntry(items[c.Item], c.Score, recommenders.Take(RecommendersShown).ToList(), Math.Max(0, recommenders.Count - RecommendersShown));
        }).ToList();
    }
}
