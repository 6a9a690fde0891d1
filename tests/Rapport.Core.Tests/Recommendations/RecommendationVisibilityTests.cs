using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

/// <summary>
/// QUALITY.md "one visibility rule, checked two ways", for recommendations and collections: in seeded random worlds
/// (people in communities, recommendations of every audience, some revoked, some authors gone from their community;
/// collections public and shared), for every viewer and object, the single read, every list, the feed's in-memory
/// index (<see cref="RecommendationIndex.VisibleAsync"/>, on this node and on a second node that learns every write
/// through the change log) and a plainly written oracle agree. A failure names the seed.
/// </summary>
public sealed class RecommendationVisibilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SingleRead_Lists_AndOracle_Agree(DatabaseProvider provider)
    {
        await using var world = await RecommendationWorld.CreateAsync(provider);
        await using var secondNode = world.SecondNode();
        var worlds = provider == DatabaseProvider.Sqlite ? 12 : 4;
        var pairs = 0;
        for (var seed = 1; seed <= worlds; seed++)
        {
            pairs += await CheckWorldAsync(world, secondNode, seed);
        }

        Assert.True(pairs > worlds * 50, $"only {pairs} pairs checked");
    }

    private sealed record Rec(Guid Id, Person Author, Guid Item, TrustVisibility Visibility, int? Community, bool Revoked);

    private sealed record Shelf(Guid Id, Person Owner, TrustVisibility Visibility, int? Community);

    private static async Task<int> CheckWorldAsync(RecommendationWorld world, RecommendationWorld secondNode, int seed)
    {
        var random = new Random(seed);
        var people = new List<Person>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await world.PersonAsync($"s{seed}"));
        }

        // Two communities, hosted by people 0 and 1, each other person in each with probability 1/2.
        var slugs = new List<string>();
        var members = new List<HashSet<Guid>>();
        for (var c = 0; c < 2; c++)
        {
            var joining = people.Where((p, i) => i != c && random.Next(2) == 0).ToArray();
            slugs.Add(await world.CommunityAsync(people[c], joining));
            members.Add([people[c].Id, .. joining.Select(p => p.Id)]);
        }

        var items = new List<ItemView>();
        for (var i = 0; i < 3; i++)
        {
            items.Add(await world.ItemAsync(people[0], $"Item {seed}.{i}"));
        }

        var recs = new List<Rec>();
        var shelves = new List<Shelf>();
        foreach (var author in people)
        {
            foreach (var item in items.Where(_ => random.Next(3) != 0))
            {
                var communities = Enumerable.Range(0, 2).Where(c => members[c].Contains(author.Id)).ToList();
                var visibility = communities.Count > 0 && random.Next(3) == 0 ? TrustVisibility.Community
                    : random.Next(2) == 0 ? TrustVisibility.Public : TrustVisibility.Private;

                int? community = visibility == TrustVisibility.Community ? communities[random.Next(communities.Count)] : null;
                var view = await world.RecommendAsync(author, item, random.Next(2) == 0 ? null : random.Next(1, 6), visibility,
                    community is { } ci ? slugs[ci] : null);
                var revoked = random.Next(5) == 0;
                if (revoked)
                {
                    Assert.True((await world.RunAsync((RevokeRecommendation uc) => uc.ExecuteAsync(author.Id, view.Id, Ct))).Succeeded);
                }

                recs.Add(new Rec(view.Id, author, item.Id, visibility, community, revoked));
            }

            var shared = Enumerable.Range(0, 2).Where(c => members[c].Contains(author.Id)).ToList();
            if (random.Next(2) == 0)
            {
                int? community = shared.Count > 0 && random.Next(2) == 0 ? shared[random.Next(shared.Count)] : null;
                var shelf = await world.CollectionAsync(author, $"Shelf {seed}", community is null ? TrustVisibility.Public : TrustVisibility.Community,
                    community is { } ci ? slugs[ci] : null);
                shelves.Add(new Shelf(shelf.Id, author, shelf.Visibility, community));
            }
        }

        // Some members (never a community's host, who cannot leave while others are in) leave.
        for (var c = 0; c < 2; c++)
        {
            foreach (var member in people.Where(p => p.Id != people[c].Id && members[c].Contains(p.Id) && random.Next(3) == 0).ToList())
            {
                await world.LeaveAsync(slugs[c], member);
                members[c].Remove(member.Id);
            }
        }

        bool SeesRec(Person viewer, Rec r) =>
            r.Author.Id == viewer.Id
            || (!r.Revoked && (r.Visibility == TrustVisibility.Public
                               || (r.Visibility == TrustVisibility.Community && members[r.Community!.Value].Contains(viewer.Id) && members[r.Community.Value].Contains(r.Author.Id))));
        bool SeesShelf(Person viewer, Shelf s) =>
            s.Owner.Id == viewer.Id || s.Visibility == TrustVisibility.Public
            || (members[s.Community!.Value].Contains(viewer.Id) && members[s.Community.Value].Contains(s.Owner.Id));

        var pairs = 0;
        foreach (var viewer in people)
        {
            foreach (var r in recs)
            {
                var single = await world.RunAsync((GetRecommendation uc) => uc.ExecuteAsync(viewer.Id, r.Id, Ct));
                Assert.True(single.Succeeded == SeesRec(viewer, r), $"seed {seed}: single read of {r} by {viewer.Handle}");
                pairs++;
            }

            foreach (var item in items)
            {
                var listed = (await world.RunAsync((ListRecommendations uc) => uc.ExecuteAsync(viewer.Id, new RecommendationFilter(ItemId: item.Id), new PageRequest(Limit: 100), Ct))).Value!;
                var expected = recs.Where(r => r.Item == item.Id && !r.Revoked && SeesRec(viewer, r)).Select(r => r.Id).Order().ToList();
                Assert.True(expected.SequenceEqual(listed.Items.Select(v => v.Id).Order()), $"seed {seed}: item list for {viewer.Handle}");
                Assert.Equal(expected.Count, listed.Total);
                var details = (await world.RunAsync((GetItem uc) => uc.ExecuteAsync(viewer.Id, item.Id, topic: null, Ct))).Value!;
                Assert.Equal(expected.Count, details.VisibleRecommendations);
            }

            var mine = (await world.RunAsync((ListRecommendations uc) => uc.ExecuteAsync(viewer.Id, new RecommendationFilter(Mine: true, IncludeRevoked: true), new PageRequest(Limit: 100), Ct))).Value!;
            Assert.Equal(recs.Where(r => r.Author.Id == viewer.Id).Select(r => r.Id).Order(), mine.Items.Select(v => v.Id).Order());

            var expectedCurrent = recs.Where(r => !r.Revoked && SeesRec(viewer, r)).Select(r => r.Id).Order().ToList();
            foreach (var node in new[] { world, secondNode })
            {
                var indexed = await IndexedAsync(node, viewer, people);
                Assert.True(expectedCurrent.SequenceEqual(indexed.Order()), $"seed {seed}: index for {viewer.Handle} ({(node == world ? "writer" : "second")} node)");
            }

            var chronological = (await world.RunAsync((GetRecommendedFeed uc) => uc.ExecuteAsync(viewer.Id, null, FeedOrder.Chronological, new PageRequest(Limit: 100), Ct))).Value!;
            Assert.All(chronological.Entries, e => Assert.True(SeesRec(viewer, recs.Single(r => r.Id == e.Recommenders[0].RecommendationId))));

            foreach (var s in shelves)
            {
                var single = await world.RunAsync((GetCollection uc) => uc.ExecuteAsync(viewer.Id, s.Id, Ct));
                Assert.True(single.Succeeded == SeesShelf(viewer, s), $"seed {seed}: collection {s} by {viewer.Handle}");
                pairs++;
            }

            foreach (var owner in people)
            {
                var listed = (await world.RunAsync((ListCollections uc) => uc.ExecuteAsync(viewer.Id, CollectionListing.ByPerson, owner.Handle, new PageRequest(Limit: 100), Ct))).Value!;
                Assert.Equal(shelves.Where(s => s.Owner.Id == owner.Id && SeesShelf(viewer, s)).Select(s => s.Id).Order(), listed.Items.Select(c => c.Id).Order());
            }
        }

        return pairs;
    }

    /// <summary>What the feed's index lets the viewer see of everyone's current recommendations.</summary>
    private static Task<List<Guid>> IndexedAsync(RecommendationWorld node, Person viewer, List<Person> authors) =>
        node.RunAsync((RecommendationIndex index) => node.ReadAsync(async db =>
        {
            var communities = (await db.Memberships.Where(m => m.PersonId == viewer.Id).Select(m => m.CommunityId).ToListAsync(Ct)).ToHashSet();
            var workspace = FeedWorkspace.Rent();
            try
            {
                var visible = await index.VisibleAsync(db, viewer.Id, communities, authors.Select(a => a.Id), Recommendation.NoTopic, workspace, Ct);
                return visible.Select(r => r.Id).ToList();
            }
            finally
            {
                FeedWorkspace.Return(workspace);
            }
        }));
}
