using System.Buffers;

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
    /// Items whose score is zero or below (more disliked than liked by the people trusted) are left out. Item indices
    /// are at least 0.
    /// </summary>
    public static IReadOnlyList<RankedItem> Score(IEnumerable<FeedVote> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var all = votes.ToArray();
        var itemCount = 0;
        foreach (var vote in all)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(vote.Item, nameof(votes));
            itemCount = Math.Max(itemCount, vote.Item + 1);
        }

        var ranked = new RankedItem[itemCount];
        var count = Score(all, itemCount, ranked);
        return new ArraySegment<RankedItem>(ranked, 0, count);
    }

    /// <summary>
    /// <see cref="Score(IEnumerable{FeedVote})"/> without allocating, for items 0 … <paramref name="itemCount"/> − 1:
    /// writes the ranked items into the start of <paramref name="ranked"/> (at least <paramref name="itemCount"/> long,
    /// also used as scratch) and answers how many there are. A request's feed ranks thousands of items; its buffers
    /// come from the caller's pool, so ranking leaves nothing for the collector.
    /// </summary>
    public static int Score(ReadOnlySpan<FeedVote> votes, int itemCount, Span<RankedItem> ranked)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(ranked.Length, itemCount, nameof(ranked));
        var rented = ArrayPool<double>.Shared.Rent(itemCount);
        try
        {
            // largest[i]: item i's largest single contribution so far (NaN: no vote counted yet).
            var largest = rented.AsSpan(0, itemCount);
            largest.Fill(double.NaN);
            for (var i = 0; i < itemCount; i++)
            {
                ranked[i] = new RankedItem(i, 0, 0);
            }

            foreach (var vote in votes)
            {
                if ((uint)vote.Item >= (uint)itemCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(votes), "A vote's item is not below itemCount.");
                }

                if (vote.Trust <= 0 || double.IsNaN(vote.Trust))
                {
                    continue;
                }

                var contribution = vote.Trust * Weight(vote.Rating);
                ref var item = ref ranked[vote.Item];
                var better = double.IsNaN(largest[vote.Item])
                             || contribution > largest[vote.Item]
                             || (contribution.Equals(largest[vote.Item]) && vote.Recommender < item.Contributor);
                if (better)
                {
                    largest[vote.Item] = contribution;
                }

                item = new RankedItem(vote.Item, item.Score + contribution, better ? vote.Recommender : item.Contributor);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        var count = 0;
        for (var i = 0; i < itemCount; i++)
        {
            if (ranked[i].Score > 0)
            {
                ranked[count++] = ranked[i];
            }
        }

        ranked[..count].Sort(BestFirst);
        return count;
    }

    private static int BestFirst(RankedItem a, RankedItem b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Item.CompareTo(b.Item);
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
