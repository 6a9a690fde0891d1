using Rapport.Trust.Feed;

namespace Rapport.Trust.Tests.Feed;

public sealed class FeedRankingTests
{
    [Theory]
    [InlineData(5, 1.0)]
    [InlineData(4, 0.5)]
    [InlineData(3, 0.0)]
    [InlineData(1, -1.0)]
    [InlineData(null, 0.5)]
    public void Weight_MapsRatingsAroundThreeAndEndorsementsLikeAFour(int? rating, double expected) =>
        Assert.Equal(expected, FeedRanking.Weight(rating));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(20, 5)]
    [InlineData(21, 6)]
    public void FairShare_IsAQuarterOfThePageRoundedUp(int pageSize, int expected) =>
        Assert.Equal(expected, FeedRanking.FairShare(pageSize));

    [Fact]
    public void Score_SumsTrustTimesWeight_AndNamesTheLargestContributor()
    {
        // Item 0: 0.5·1 (recommender 0 rates 5) + 0.8·0.5 (1 endorses) = 0.9; 0 contributes most (0.5 > 0.4).
        // Item 1: 0.8·1 (1 rates 5) + 0.5·(-1) (0 rates 1) = 0.3; 1 contributes most.
        // Item 2: 0.5·(-1) = -0.5, left out. Item 3: distrusted rater only, left out.
        var ranked = FeedRanking.Score(
        [
            new(0, 0, 0.5, 5), new(0, 1, 0.8, null),
            new(1, 1, 0.8, 5), new(1, 0, 0.5, 1),
            new(2, 0, 0.5, 1),
            new(3, 2, -1, 5),
        ]);

        Assert.Equal([0, 1], ranked.Select(r => r.Item));
        Assert.Equal(0.9, ranked[0].Score, 12);
        Assert.Equal(0.3, ranked[1].Score, 12);
        Assert.Equal([0, 1], ranked.Select(r => r.Contributor));
    }

    [Fact]
    public void Score_EqualScores_AreOrderedByItemIndex()
    {
        var ranked = FeedRanking.Score([new(7, 0, 1, 5), new(3, 1, 1, 5), new(5, 2, 1, 5)]);

        Assert.Equal([3, 5, 7], ranked.Select(r => r.Item));
    }

    [Fact]
    public void Score_IntoAReusedBuffer_RanksAsIntoAFreshOne()
    {
        var random = new Random(11);
        var buffer = new RankedItem[200];
        for (var trial = 0; trial < 50; trial++)
        {
            var itemCount = random.Next(1, 200);
            var votes = Enumerable.Range(0, random.Next(0, 400))
                .Select(_ => new FeedVote(random.Next(itemCount), random.Next(8), random.NextDouble() - 0.2, random.Next(3) == 0 ? null : random.Next(1, 6)))
                .ToArray();

            var count = FeedRanking.Score(votes, itemCount, buffer); // the buffer still holds the last trial's ranking

            Assert.Equal(FeedRanking.Score(votes), buffer.Take(count));
        }
    }

    [Fact]
    public void Page_KeepsEachRecommenderToAFairShare_AndCarriesThePassedOverToTheNextPage()
    {
        // Recommender 0 has the six best items, 1 and 2 one each; pages of 4 allow one item per recommender.
        var ranked = Enumerable.Range(0, 6).Select(i => new RankedItem(i, 10 - i, 0))
            .Append(new RankedItem(6, 2, 1)).Append(new RankedItem(7, 1, 2)).ToList();

        var first = FeedRanking.Page(ranked, 4, 0);
        var second = FeedRanking.Page(ranked, 4, 1);

        Assert.Equal([0, 6, 7], first.Select(r => r.Item)); // short: only recommender 0's items are left
        Assert.Equal([1], second.Select(r => r.Item));
        Assert.Equal([5], FeedRanking.Page(ranked, 4, 5).Select(r => r.Item));
        Assert.Empty(FeedRanking.Page(ranked, 4, 6));
    }

    [Fact]
    public void Page_NeverGivesOneRecommenderMoreThanAFairShare_AndLosesNoItem()
    {
        var random = new Random(7);
        var ranked = FeedRanking.Score(Enumerable.Range(0, 400)
            .Select(_ => new FeedVote(random.Next(150), random.Next(6), random.NextDouble(), random.Next(2) == 0 ? null : random.Next(1, 6))));

        var pages = Enumerable.Range(0, 200).Select(i => FeedRanking.Page(ranked, 10, i)).TakeWhile(p => p.Count > 0).ToList();

        Assert.All(pages, page => Assert.All(page.GroupBy(r => r.Contributor), g => Assert.True(g.Count() <= 3)));
        Assert.Equal(ranked.Select(r => r.Item).Order(), pages.SelectMany(p => p).Select(r => r.Item).Order());
    }

    [Fact]
    public void Page_HasMore_IsTrueExactlyWhenTheNextPageHasItems()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var ranked = Enumerable.Range(0, random.Next(0, 60))
                .Select(i => new RankedItem(i, 100 - i, random.Next(1, 6)))
                .ToList();
            var pageSize = random.Next(1, 12);
            for (var pageIndex = 0; pageIndex < 8; pageIndex++)
            {
                var page = FeedRanking.Page(ranked, pageSize, pageIndex, out var hasMore);

                Assert.Equal(FeedRanking.Page(ranked, pageSize, pageIndex), page);
                Assert.Equal(FeedRanking.Page(ranked, pageSize, pageIndex + 1).Count > 0, hasMore);
            }
        }
    }
}
