using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

public sealed class RecommendationAccountDataTests(RecommendationWorlds worlds) : IClassFixture<RecommendationWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Export_IncludesOwnRecommendationsWithHistory_AndOwnCollections(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var item = await world.ItemAsync(ada, "Tide tables", $"https://tides.example/{Guid.NewGuid():N}");
        await world.RecommendAsync(ada, item, 4, note: "Handy.");
        world.Clock.Advance(TimeSpan.FromMinutes(1)); // versions within one instant have no defined order (see report)
        await world.RecommendAsync(ada, item, 5, TrustVisibility.Private, note: "Essential.");
        await world.RecommendAsync(bo, item, 1, note: "Bo's own.");
        var shelf = await world.CollectionAsync(ada, "Harbour shelf");
        Assert.True((await world.RunAsync((AddCollectionEntry uc) => uc.ExecuteAsync(ada.Id, shelf.Id, item.Id, "Top.", null, Ct))).Succeeded);

        var data = (await world.RunAsync((ExportPersonalData uc) => uc.ExecuteAsync(ada.AccountId, Ct)))!;

        var rec = Assert.Single(data.Recommendations);
        Assert.Equal(("Tide tables", 5, "Essential.", TrustVisibility.Private), (rec.ItemTitle, rec.Rating, rec.Note, rec.Visibility));
        Assert.Equal([4, 5], rec.History.Select(v => v.Rating));
        var collection = Assert.Single(data.Collections);
        Assert.Equal(("Harbour shelf", "Top."), (collection.Title, Assert.Single(collection.Entries).Note));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task DeleteAccount_RemovesRecommendationsCollectionsAndFollows_KeepsItemsAndOthersForks(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var item = await world.ItemAsync(ada, "Kept item");
        var rec = await world.RecommendAsync(ada, item);
        var shelf = await world.CollectionAsync(ada);
        var bosShelf = await world.CollectionAsync(bo, "Bo's");
        Assert.True((await world.RunAsync((FollowCollection uc) => uc.ExecuteAsync(ada.Id, bosShelf.Id, Ct))).Succeeded);
        var fork = (await world.RunAsync((ForkCollection uc) => uc.ExecuteAsync(bo.Id, shelf.Id, null, Ct))).Value!;

        Assert.True((await world.RunAsync((DeleteAccount uc) => uc.ExecuteAsync(ada.AccountId, Ct))).Succeeded);

        Assert.False(await world.ReadAsync(db => db.Recommendations.AnyAsync(r => r.Id == rec.Id, Ct)));
        Assert.False(await world.ReadAsync(db => db.RecommendationVersions.AnyAsync(v => v.RecommendationId == rec.Id, Ct)));
        Assert.False(await world.ReadAsync(db => db.Collections.AnyAsync(c => c.Id == shelf.Id, Ct)));
        Assert.False(await world.ReadAsync(db => db.CollectionFollows.AnyAsync(f => f.PersonId == ada.Id, Ct)));
        Assert.Null(await world.ReadAsync(db => db.Items.Where(i => i.Id == item.Id).Select(i => i.CreatedById).SingleAsync(Ct)));
        Assert.Null(await world.ReadAsync(db => db.Collections.Where(c => c.Id == fork.Id).Select(c => c.ForkedFromId).SingleAsync(Ct)));
    }
}
