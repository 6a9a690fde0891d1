using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;
using Rapport.Trust.Feed;

namespace Rapport.Core.Tests.Recommendations;

/// <summary>
/// The feed on a tiny world: the viewer trusts Ana completely and Bo somewhat; Cy is a stranger to them. Ana recommends
/// X1 (5), X2 (4), X3 (endorsed), Z (1) and P (5, privately); Bo recommends Y (5) and Z (5); Cy recommends W (5).
/// </summary>
public sealed class FeedTests(RecommendationWorlds worlds) : IClassFixture<RecommendationWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Tiny(Person Viewer, Person Ana, Person Bo, Person Cy, Dictionary<string, ItemView> Items);

    private static async Task<Tiny> TinyAsync(RecommendationWorld world)
    {
        var (viewer, ana, bo, cy) = (await world.PersonAsync("v"), await world.PersonAsync("a"), await world.PersonAsync("b"), await world.PersonAsync("c"));
        await world.TrustAsync(viewer, ana, TrustLevel.Completely.Value);
        await world.TrustAsync(viewer, bo, TrustLevel.Some.Value);
        var items = new Dictionary<string, ItemView>();
        foreach (var name in new[] { "X1", "X2", "X3", "Y", "Z", "P", "W" })
        {
            items[name] = await world.ItemAsync(cy, name);
        }

        foreach (var (by, name, rating, visibility) in new (Person, string, int?, TrustVisibility)[]
        {
            (ana, "X1", 5, TrustVisibility.Public), (ana, "X2", 4, TrustVisibility.Public), (ana, "X3", null, TrustVisibility.Public),
            (ana, "Z", 1, TrustVisibility.Public), (ana, "P", 5, TrustVisibility.Private),
            (bo, "Y", 5, TrustVisibility.Public), (bo, "Z", 5, TrustVisibility.Public), (cy, "W", 5, TrustVisibility.Public),
        })
        {
            world.Clock.Advance(TimeSpan.FromMinutes(1));
            await world.RecommendAsync(by, items[name], rating, visibility, topic: name == "X1" ? "sailing" : null);
        }

        return new Tiny(viewer, ana, bo, cy, items);
    }

    private static Task<Outcome<RecommendedFeed>> FeedAsync(RecommendationWorld world, Person viewer, FeedOrder order, int limit, int offset = 0, string? topic = null) =>
        world.RunAsync((GetRecommendedFeed uc) => uc.ExecuteAsync(viewer.Id, topic, order, new PageRequest(limit, offset), Ct));

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Trusted_ScoresByTrustTimesRatingWeight_AndKeepsEachRecommenderToAFairShare(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var tiny = await TinyAsync(world);

        // Pages of 4 allow one item per recommender: Ana's best (X1) and Bo's (Y), and Z (Ana's 1 outweighs Bo's 5) not at all.
        var first = (await FeedAsync(world, tiny.Viewer, FeedOrder.Trusted, 4)).Value!;
        var second = (await FeedAsync(world, tiny.Viewer, FeedOrder.Trusted, 4, 4)).Value!;
        var third = (await FeedAsync(world, tiny.Viewer, FeedOrder.Trusted, 4, 8)).Value!;
        var fourth = (await FeedAsync(world, tiny.Viewer, FeedOrder.Trusted, 4, 12)).Value!;

        Assert.Equal(["X1", "Y"], first.Entries.Select(e => e.Item.Title));
        Assert.True(first.HasMore);
        Assert.Equal(["X2", "X3"], second.Entries.Concat(third.Entries).Select(e => e.Item.Title).Order());
        Assert.Single(second.Entries);
        Assert.False(third.HasMore);
        Assert.Empty(fourth.Entries);

        var x1 = first.Entries[0];
        var ana = Assert.Single(x1.Recommenders);
        Assert.Equal((tiny.Ana.Handle, "Completely", 5, "sailing", 0), (ana.Person.Handle, ana.Level!.Name, ana.Rating, ana.Topic, x1.Others));
        Assert.Equal(ana.Trust * FeedRanking.Weight(5), x1.Score, 9);
        var bo = Assert.Single(first.Entries[1].Recommenders);
        Assert.Equal((tiny.Bo.Handle, "Some"), (bo.Person.Handle, bo.Level!.Name));
        Assert.True(ana.Trust > bo.Trust);
        Assert.Equal(ana.Trust * FeedRanking.Weight(null), third.Entries.Concat(second.Entries).Single(e => e.Item.Title == "X3").Score, 9);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Chronological_IsTheSameSourcesVisibleRecommendations_NewestFirst(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var tiny = await TinyAsync(world);

        var feed = (await FeedAsync(world, tiny.Viewer, FeedOrder.Chronological, 20)).Value!;

        Assert.Equal(
            [("Z", tiny.Bo.Handle), ("Y", tiny.Bo.Handle), ("Z", tiny.Ana.Handle), ("X3", tiny.Ana.Handle), ("X2", tiny.Ana.Handle), ("X1", tiny.Ana.Handle)],
            feed.Entries.Select(e => (e.Item.Title, e.Recommenders.Single().Person.Handle)));
        Assert.False(feed.HasMore);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Topic_KeepsRecommendationsOrItemsOnIt_AndBadPagingIsInvalid(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var tiny = await TinyAsync(world);

        var sailing = (await FeedAsync(world, tiny.Viewer, FeedOrder.Trusted, 10, topic: "Sailing")).Value!;
        var unaligned = await FeedAsync(world, tiny.Viewer, FeedOrder.Trusted, 10, 5);
        var nobody = (await FeedAsync(world, tiny.Cy, FeedOrder.Trusted, 10)).Value!;

        Assert.Equal("sailing", sailing.Topic);
        Assert.Equal(["X1"], sailing.Entries.Select(e => e.Item.Title));
        Assert.Equal(["offset"], unaligned.Errors.ToDictionary().Keys);
        Assert.Empty(nobody.Entries); // Cy trusts nobody
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Entry_NamesThreeRecommendersByTrust_AndCountsTheOthers(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var viewer = await world.PersonAsync("v");
        var people = new List<Person>();
        foreach (var value in new[] { 0.25, 1.0, 0.6, 0.6 })
        {
            var person = await world.PersonAsync();
            await world.TrustAsync(viewer, person, value);
            people.Add(person);
        }

        var item = await world.ItemAsync(viewer, "Shared favourite");
        foreach (var person in people)
        {
            await world.RecommendAsync(person, item, 5);
        }

        var entry = Assert.Single((await FeedAsync(world, viewer, FeedOrder.Trusted, 20)).Value!.Entries);

        Assert.Equal(1, entry.Others);
        Assert.Equal(3, entry.Recommenders.Count);
        Assert.Equal(people[1].Handle, entry.Recommenders[0].Person.Handle);
        Assert.Equal(["Completely", "A lot", "A lot"], entry.Recommenders.Select(r => r.Level!.Name));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task GetItem_ShowsTrustedRecommendersByTrust_AndPredictsFromTheirRatings(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var tiny = await TinyAsync(world);
        var item = tiny.Items["X1"];
        await world.RecommendAsync(tiny.Bo, item, 3);
        await world.RecommendAsync(tiny.Cy, item, 1);
        await world.RecommendAsync(tiny.Viewer, item, 2, TrustVisibility.Private);

        var details = (await world.RunAsync((GetItem uc) => uc.ExecuteAsync(tiny.Viewer.Id, item.Id, topic: null, Ct))).Value!;
        var missing = await world.RunAsync((GetItem uc) => uc.ExecuteAsync(tiny.Viewer.Id, Guid.NewGuid(), topic: null, Ct));

        Assert.Equal([tiny.Ana.Handle, tiny.Bo.Handle], details.TrustedRecommenders.Select(r => r.Person.Handle));
        Assert.Equal(4, details.VisibleRecommendations); // Ana, Bo, Cy and the viewer's own
        Assert.Equal(2, details.Mine!.Rating);
        // (1·5 + 0.25·3) / 1.25 = 4.6: the viewer's own statements are their trust in Ana and Bo.
        Assert.Equal(4.6, details.Prediction!.Value.Rating, 6);
        Assert.Equal(2, details.Prediction.Value.Raters);
        Assert.InRange(details.Prediction.Value.Confidence, 0.0, 1.0);
        Assert.Equal(OutcomeKind.NotFound, missing.Kind);
    }
}
