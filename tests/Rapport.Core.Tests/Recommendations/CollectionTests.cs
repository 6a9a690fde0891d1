using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

public sealed class CollectionTests(RecommendationWorlds worlds) : IClassFixture<RecommendationWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Entries_AddAtAPosition_MoveAndRemove_KeepPositionsInOrder(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var (a, b, c) = (await world.ItemAsync(ada, "A"), await world.ItemAsync(ada, "B"), await world.ItemAsync(ada, "C"));
        var collection = await world.CollectionAsync(ada);

        await AddAsync(world, ada, collection, a, null);
        await AddAsync(world, ada, collection, b, null);
        var added = await AddAsync(world, ada, collection, c, 0);
        Assert.Equal(["C", "A", "B"], added.Entries.Select(e => e.Item.Title));

        var entryB = added.Entries.Single(e => e.Item.Id == b.Id);
        var moved = await world.RunAsync((MoveCollectionEntry uc) => uc.ExecuteAsync(ada.Id, collection.Id, entryB.Id, 0, "Best first.", Ct));
        Assert.Equal(["B", "C", "A"], moved.Value!.Entries.Select(e => e.Item.Title));
        Assert.Equal("Best first.", moved.Value.Entries[0].Note);

        var entryC = moved.Value.Entries[1];
        Assert.True((await world.RunAsync((RemoveCollectionEntry uc) => uc.ExecuteAsync(ada.Id, collection.Id, entryC.Id, Ct))).Succeeded);
        var after = await world.RunAsync((GetCollection uc) => uc.ExecuteAsync(ada.Id, collection.Id, Ct));
        Assert.Equal([("B", 0), ("A", 1)], after.Value!.Entries.Select(e => (e.Item.Title, e.Position)));

        var twice = await world.RunAsync((AddCollectionEntry uc) => uc.ExecuteAsync(ada.Id, collection.Id, a.Id, null, null, Ct));
        Assert.Equal(OutcomeKind.Conflict, twice.Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Fork_CopiesEntriesInOrder_AndRemembersItsOrigin_ShownOnlyToThoseWhoMaySeeIt(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var cy = await world.PersonAsync();
        var slug = await world.CommunityAsync(ada, bo);
        var (a, b) = (await world.ItemAsync(ada, "A"), await world.ItemAsync(ada, "B"));
        var club = await world.CollectionAsync(ada, "Club list", TrustVisibility.Community, slug);
        await AddAsync(world, ada, club, a, null, "First.");
        await AddAsync(world, ada, club, b, null, "Second.");

        var strangerFork = await world.RunAsync((ForkCollection uc) => uc.ExecuteAsync(cy.Id, club.Id, null, Ct));
        var fork = await world.RunAsync((ForkCollection uc) => uc.ExecuteAsync(bo.Id, club.Id, null, Ct));

        Assert.Equal(OutcomeKind.NotFound, strangerFork.Kind);
        Assert.True(fork.Succeeded, RecommendationWorld.Describe(fork));
        Assert.Equal((TrustVisibility.Public, true, club.Id), (fork.Value!.Visibility, fork.Value.IsForked, fork.Value.ForkedFrom!.Id));
        Assert.Equal([("A", "First."), ("B", "Second.")], fork.Value.Entries.Select(e => (e.Item.Title, e.Note)));

        var seenByStranger = await world.RunAsync((GetCollection uc) => uc.ExecuteAsync(cy.Id, fork.Value.Id, Ct));
        Assert.True(seenByStranger.Value!.IsForked);
        Assert.Null(seenByStranger.Value.ForkedFrom); // the origin is the community's

        Assert.True((await world.RunAsync((DeleteCollection uc) => uc.ExecuteAsync(ada.Id, club.Id, Ct))).Succeeded);
        var orphan = await world.RunAsync((GetCollection uc) => uc.ExecuteAsync(bo.Id, fork.Value.Id, Ct));
        Assert.Equal((false, 2), (orphan.Value!.IsForked, orphan.Value.Entries.Count));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Follow_IsForWhatYouMaySee_ListsAsFollowed_AndUnfollowUndoesIt(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var cy = await world.PersonAsync();
        var slug = await world.CommunityAsync(ada, bo);
        var open = await world.CollectionAsync(ada, "Open list");
        var club = await world.CollectionAsync(ada, "Club list", TrustVisibility.Community, slug);

        Assert.True((await world.RunAsync((FollowCollection uc) => uc.ExecuteAsync(cy.Id, open.Id, Ct))).Succeeded);
        Assert.True((await world.RunAsync((FollowCollection uc) => uc.ExecuteAsync(cy.Id, open.Id, Ct))).Succeeded);
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((FollowCollection uc) => uc.ExecuteAsync(cy.Id, club.Id, Ct))).Kind);
        Assert.True((await world.RunAsync((FollowCollection uc) => uc.ExecuteAsync(bo.Id, club.Id, Ct))).Succeeded);

        var followed = await world.RunAsync((ListCollections uc) => uc.ExecuteAsync(cy.Id, CollectionListing.Followed, null, new PageRequest(), Ct));
        Assert.Equal([open.Id], followed.Value!.Items.Select(c => c.Id));
        Assert.Equal(1, followed.Value.Items[0].FollowerCount);
        var byAdaForCy = await world.RunAsync((ListCollections uc) => uc.ExecuteAsync(cy.Id, CollectionListing.ByPerson, ada.Handle, new PageRequest(), Ct));
        Assert.Equal([open.Id], byAdaForCy.Value!.Items.Select(c => c.Id));
        var byAdaForBo = await world.RunAsync((ListCollections uc) => uc.ExecuteAsync(bo.Id, CollectionListing.ByPerson, ada.Handle, new PageRequest(), Ct));
        Assert.Equal(2, byAdaForBo.Value!.Total);

        // Leaving the community: the club list is hidden from bo, also from the followed list.
        await world.LeaveAsync(slug, bo);
        var boFollowed = await world.RunAsync((ListCollections uc) => uc.ExecuteAsync(bo.Id, CollectionListing.Followed, null, new PageRequest(), Ct));
        Assert.Empty(boFollowed.Value!.Items);

        Assert.True((await world.RunAsync((UnfollowCollection uc) => uc.ExecuteAsync(cy.Id, open.Id, Ct))).Succeeded);
        Assert.Empty((await world.RunAsync((ListCollections uc) => uc.ExecuteAsync(cy.Id, CollectionListing.Followed, null, new PageRequest(), Ct))).Value!.Items);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_Private_OrBadInput_IsInvalid_AndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var before = await world.ReadAsync(db => db.Collections.CountAsync(Ct));

        var privateOne = await world.RunAsync((CreateCollection uc) => uc.ExecuteAsync(ada.Id, new CollectionInput("Mine", null, TrustVisibility.Private, null), Ct));
        var bad = await world.RunAsync((CreateCollection uc) => uc.ExecuteAsync(
            ada.Id, new CollectionInput(new string('x', Collection.TitleMaxLength + 1), null, TrustVisibility.Community, "not-mine"), Ct));

        Assert.Equal(["visibility"], privateOne.Errors.ToDictionary().Keys);
        Assert.Equal(["community", "title"], bad.Errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await world.ReadAsync(db => db.Collections.CountAsync(Ct)));
    }

    private static async Task<CollectionView> AddAsync(RecommendationWorld world, Core.People.Person owner, CollectionView collection, ItemView item, int? position, string? note = null)
    {
        var outcome = await world.RunAsync((AddCollectionEntry uc) => uc.ExecuteAsync(owner.Id, collection.Id, item.Id, note, position, Ct));
        Assert.True(outcome.Succeeded, RecommendationWorld.Describe(outcome));
        return outcome.Value!;
    }
}
