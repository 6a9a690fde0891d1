using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

/// <summary>
/// The feed's in-memory index on two app nodes sharing one database: a write on one node is in the other node's next
/// feed (the recommendation change log), and a node that finds its next log entry pruned reloads everything.
/// </summary>
public sealed class RecommendationIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> FeedTitlesAsync(RecommendationWorld node, Person viewer)
    {
        var feed = await node.RunAsync((GetRecommendedFeed uc) => uc.ExecuteAsync(viewer.Id, null, FeedOrder.Chronological, new PageRequest(20), Ct));
        Assert.True(feed.Succeeded, RecommendationWorld.Describe(feed));
        return [.. feed.Value!.Entries.Select(e => e.Item.Title)];
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AWriteOnOneNode_IsInTheOtherNodesNextFeed_ThroughChangesRevocationAndDeletion(DatabaseProvider provider)
    {
        await using var world = await RecommendationWorld.CreateAsync(provider);
        await using var other = world.SecondNode();
        var (viewer, ana, bo) = (await world.PersonAsync("v"), await world.PersonAsync("a"), await world.PersonAsync("b"));
        await world.TrustAsync(viewer, ana, TrustLevel.ALot.Value);
        await world.TrustAsync(viewer, bo, TrustLevel.ALot.Value);
        var (book, film) = (await world.ItemAsync(ana, "Book"), await world.ItemAsync(ana, "Film"));
        Assert.Empty(await FeedTitlesAsync(other, viewer)); // the other node loads its index now, before any recommendation

        var recommendation = await world.RecommendAsync(ana, book);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.RecommendAsync(bo, film);
        Assert.Equal(["Film", "Book"], await FeedTitlesAsync(other, viewer));

        await world.RecommendAsync(ana, book, visibility: TrustVisibility.Private);
        Assert.Equal(["Film"], await FeedTitlesAsync(other, viewer));
        await world.RecommendAsync(ana, book);
        Assert.True((await world.RunAsync((RevokeRecommendation uc) => uc.ExecuteAsync(ana.Id, recommendation.Id, Ct))).Succeeded);
        Assert.Equal(["Film"], await FeedTitlesAsync(other, viewer));

        Assert.True((await world.RunAsync((DeleteAccount uc) => uc.ExecuteAsync(bo.AccountId, Ct))).Succeeded);
        Assert.Empty(await FeedTitlesAsync(other, viewer));
        Assert.Equal(1, await other.RunAsync((RecommendationIndex index) => Task.FromResult(index.Reloads)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ANodeWhoseNextEntryWasPruned_ReloadsEverything_AndMissesNothing(DatabaseProvider provider)
    {
        await using var world = await RecommendationWorld.CreateAsync(provider);
        await using var other = world.SecondNode();
        var (viewer, ana) = (await world.PersonAsync("v"), await world.PersonAsync("a"));
        await world.TrustAsync(viewer, ana, TrustLevel.ALot.Value);
        var (book, film) = (await world.ItemAsync(ana, "Book"), await world.ItemAsync(ana, "Film"));
        Assert.Empty(await FeedTitlesAsync(other, viewer));

        await world.RecommendAsync(ana, book);
        world.Clock.Advance(RecommendationChangeLog.Retention + TimeSpan.FromMinutes(1));
        await world.RecommendAsync(ana, film); // its append prunes the entry the other node has not read

        Assert.Equal(["Film", "Book"], await FeedTitlesAsync(other, viewer));
        Assert.Equal(2, await other.RunAsync((RecommendationIndex index) => Task.FromResult(index.Reloads)));
        Assert.Equal(1, await world.ReadAsync(db => Task.FromResult(db.RecommendationChanges.Count())));
    }
}
