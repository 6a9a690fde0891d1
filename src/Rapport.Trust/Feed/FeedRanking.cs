namespace Rapport.Trust.Feed;

/// <summary>
/// One recommender's word on one item as the viewer sees it: <see cref="Trust"/> is the viewer's personalized trust in
/// the recommender, <see cref="Rating"/> 1–5 or null for an endorsement. Items and recommenders are the caller's
/// indices; equal scores are ordered by the lower index, so the caller decides ties (by date, by handle) through them.
/// </summary>
public readonly record struct FeedVote(int Item, int Recommender, double Trust, int? Rating);

/// <summary>An item's place in the feed: its score and the recommender who contributed most to it.</summary>
public readonly record struct RankedItem(int Item, double Score, int Contributor);

/// <summary>
/// "Recommended by people you trust": an item scores Σ trust × <see cref="Weight"/> over its recommenders, and pages
/// keep a fair share, so that one prolific recommender cannot fill the feed.
/// </summary>
public static class FeedRanking
{
    /// <summary>An endorsement counts like this rating.</summary>
    public const int EndorsementRating = 4;

    /// <summary>
    /// What one recommendation adds per unit of trust: rating r gives (r − 3) / 2, so 5 is +1, 3 is nothing and 1 is −1
    /// (a low rating pushes an item down); an endorsement counts like a 4 (+0.5).
    /// </summary>
    public static double Weight(int? rating) => ((rating ?? EndorsementRating) - 3) / 2.0;

    /// <summary>The most items one recommender may contribute to a page of <paramref name="pageSize"/>: ⌈pageSize / 4⌉.</summary>
    public static int FairShare(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return (pageSize + 3) / 4;
    }

    /// <summary>
    /// The items with a positive score, best first (ties: lower item index). Votes with trust ≤ 0 count for nothing.
    /// An item's contributor is the recommender whose trust × weight added most (ties: lower recommender index).
    /// Items whose score is zero or below (more disliked than liked by the people trusted) are left out.
    /// </summary>
    public static IReadOnlyList<RankedItem> Score(IEnumerable<FeedVote> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var items = new Dictionary<int, (double Score, int Contributor, double Contribution)>();
        foreach (var vote in votes)
        {
            if (vote.Trust <= 0 || double.IsNaN(vote.Trust))
            {
                continue;
            }

            var contribution = vote.Trust * Weight(vote.Rating);
            if (!items.TryGetValue(vote.Item, out var item))
            {
                items[vote.Item] = (contribution, vote.Recommender, contribution);
                continue;
            }

            var better = contribution > item.Contribution
                         || (contribution.Equals(item.Contribution) && vote.Recommender < item.Contributor);
            items[vote.Item] = better
                ? (item.Score + contribution, vote.Recommender, contribution)
                : (item.Score + contribution, item.Contributor, item.Contribution);
        }

        return items.Where(i => i.Value.Score > 0)
            .Select(i => new RankedItem(i.Key, i.Value.Score, i.Value.Contributor))
            .OrderByDescending(i => i.Score).ThenBy(i => i.Item)
            .ToList();
    }

    /// <summary>
    /// The ranked items laid out in pages of <paramref name="pageSize"/>, each page taking the best items left whose
    /// contributor has fewer than <see cref="FairShare"/> items on it; an item passed over leads the next page. A page
    /// is short when only over-represented recommenders' items are left. Answers page <paramref name="pageIndex"/>
    /// (0-based; empty past the end).
    /// </summary>
    public static IReadOnlyList<RankedItem> Page(IReadOnlyList<RankedItem> ranked, int pageSize, int pageIndex) =>
        Page(ranked, pageSize, pageIndex, out _);

    /// <summary>
    /// <see cref="Page(IReadOnlyList{RankedItem}, int, int)"/>, and whether a later page has items: every page but the
    /// last takes at least one item (the best left is always allowed), so there is one exactly when items are left.
    /// </summary>
    public static IReadOnlyList<RankedItem> Page(IReadOnlyList<RankedItem> ranked, int pageSize, int pageIndex, out bool hasMore)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentOutOfRangeException.ThrowIfNegative(pageIndex);
        var share = FairShare(pageSize);
        var left = ranked; // not copied: the first page reads the ranking itself
        for (var index = 0; left.Count > 0; index++)
        {
            var page = new List<RankedItem>(Math.Min(pageSize, left.Count));
            var counts = new Dictionary<int, int>();
            var passedOver = index == pageIndex ? null : new List<RankedItem>();
            var next = 0;
            for (; next < left.Count && page.Count < pageSize; next++)
            {
                var item = left[next];
                var count = counts.GetValueOrDefault(item.Contributor);
                if (count < share)
                {
                    counts[item.Contributor] = count + 1;
                    page.Add(item);
                }
                else
                {
                    passedOver?.Add(item);
                }
            }

            if (passedOver is null)
            {
                hasMore = left.Count > page.Count;
                return page;
            }

            for (; next < left.Count; next++)
            {
                passedOver.Add(left[next]);
            }

            left = passedOver;
        }

        hasMore = false;
        return [];
    }
}
