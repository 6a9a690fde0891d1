using System.Collections.Concurrent;
using System.Globalization;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

/// <summary>
/// The feed under concurrent requests on one node: everything a request shares with the others (the trust graph
/// replica, the recommendation index and its catch-up, the pooled <see cref="FeedWorkspace"/>s and the engine's pooled
/// scratch) must give each request exactly the page it gets alone, while the viewers' pages differ in size (so pooled
/// buffers are reused by requests larger and smaller than the last) and while writes land in the middle of them.
/// </summary>
public sealed class FeedConcurrencyTests
{
    /// <summary>More requests at once than the 2-core machines have threads for, and than the pools keep.</summary>
    private const int Workers = 8;

    private const int Rounds = 3;

    private const int PageSize = 4;

    private const string Topic = "sailing";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Request(Person Viewer, string? Topic, FeedOrder Order, int Offset);

    /// <summary>
    /// Eight recommenders with 2–16 recommendations each (every third on <see cref="Topic"/>, some private, some shared
    /// with a community half the viewers belong to); viewer v trusts the first v + 1 of them at stepped levels, so each
    /// viewer's visible list has a different length.
    /// </summary>
    private static async Task<(List<Request> Requests, List<Person> Recommenders)> WorldAsync(RecommendationWorld world)
    {
        var recommenders = new List<Person>();
        for (var i = 0; i < 8; i++)
        {
            recommenders.Add(await world.PersonAsync($"r{i}"));
        }

        var viewers = new List<Person>();
        for (var v = 0; v < 8; v++)
        {
            viewers.Add(await world.PersonAsync($"v{v}"));
        }

        var levels = new[] { TrustLevel.Completely, TrustLevel.ALot, TrustLevel.Some };
        for (var v = 0; v < viewers.Count; v++)
        {
            for (var r = 0; r <= v; r++)
            {
                await world.TrustAsync(viewers[v], recommenders[r], levels[(v + r) % levels.Length].Value);
            }
        }

        var community = await world.CommunityAsync(recommenders[0], [.. recommenders.Skip(1), .. viewers.Where((_, v) => v % 2 == 0)]);
        for (var r = 0; r < recommenders.Count; r++)
        {
            for (var k = 0; k < 2 * (r + 1); k++)
            {
                var item = await world.ItemAsync(recommenders[r], $"Item {r}-{k}", topics: k % 3 == 0 ? [Topic] : []);
                world.Clock.Advance(TimeSpan.FromMinutes(1));
                var visibility = k % 5 == 4 ? TrustVisibility.Private : k % 4 == 1 ? TrustVisibility.Community : TrustVisibility.Public;
                await world.RecommendAsync(recommenders[r], item, rating: k % 6 == 5 ? null : 1 + ((r + k) % 5), visibility,
                    community: visibility == TrustVisibility.Community ? community : null);
            }
        }

        // Items recommended by several people, so entries name more than one recommender and "others".
        var shared = await world.ItemAsync(recommenders[0], "Shared", topics: [Topic]);
        foreach (var recommender in recommenders)
        {
            world.Clock.Advance(TimeSpan.FromMinutes(1));
            await world.RecommendAsync(recommender, shared, rating: 5);
        }

        List<Request> requests = [.. from viewer in viewers
                                     from topic in new[] { null, Topic }
                                     from page in new[] { (FeedOrder.Trusted, 0), (FeedOrder.Trusted, PageSize), (FeedOrder.Chronological, 0) }
                                     select new Request(viewer, topic, page.Item1, page.Item2)];
        return (requests, recommenders);
    }

    private static async Task<string> PageAsync(RecommendationWorld world, Request request)
    {
        var outcome = await world.RunAsync((GetRecommendedFeed uc) =>
            uc.ExecuteAsync(request.Viewer.Id, request.Topic, request.Order, new PageRequest(PageSize, request.Offset), Ct));
        Assert.True(outcome.Succeeded, RecommendationWorld.Describe(outcome));
        return Render(outcome);
    }

    /// <summary>Everything a page says, exact scores and trust included.</summary>
    private static string Render(Outcome<RecommendedFeed> outcome) =>
        string.Join(" | ", outcome.Value!.Entries.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{e.Item.Title} {e.Score:R} +{e.Others}: {string.Join(", ", e.Recommenders.Select(r => $"{r.Person.Handle} {r.Trust:R} {r.Level?.Name} {r.Rating}"))}")))
        + $" more={outcome.Value.HasMore}";

    /// <summary>Runs every request <see cref="Rounds"/> times on <see cref="Workers"/> thread-pool workers at once; answers the pages in request order per round.</summary>
    private static async Task<string[][]> ConcurrentlyAsync(RecommendationWorld world, IReadOnlyList<Request> requests)
    {
        var pages = Enumerable.Range(0, Rounds).Select(_ => new string[requests.Count]).ToArray();
        var total = Rounds * requests.Count;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            // Each worker walks the requests from its own starting point, so different viewers' requests overlap.
            for (var i = w; i < total; i += Workers)
            {
                var index = (i * 7) % total;
                pages[index / requests.Count][index % requests.Count] = await PageAsync(world, requests[index % requests.Count]);
            }
        }, Ct)));
        return pages;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ManyRequestsAtOnce_EachGetTheirOwnPage_AsTheyDoOneAtATime(DatabaseProvider provider)
    {
        await using var world = await RecommendationWorld.CreateAsync(provider);
        var (requests, _) = await WorldAsync(world);
        var alone = new List<string>();
        foreach (var request in requests)
        {
            alone.Add(await PageAsync(world, request));
        }

        Assert.True(alone.Distinct().Count() > requests.Count / 2, "the viewers' pages should mostly differ, or mixing them up would go unseen");

        // A fresh node too, whose first requests all arrive together while it loads the graph and the index.
        await using var fresh = world.SecondNode();
        foreach (var node in new[] { fresh, world })
        {
            var pages = await ConcurrentlyAsync(node, requests);
            Assert.All(pages, round => Assert.Equal(alone, round));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task WritesDuringConcurrentRequests_LeaveTheIndexAsAFreshLoadSeesIt(DatabaseProvider provider)
    {
        await using var world = await RecommendationWorld.CreateAsync(provider);
        var (requests, recommenders) = await WorldAsync(world);
        await PageAsync(world, requests[0]); // the index is loaded: what follows is caught up entry by entry
        var writer = await world.PersonAsync("w");
        var items = new List<ItemView>();
        for (var k = 0; k < 12; k++)
        {
            items.Add(await world.ItemAsync(writer, $"New {k}", topics: k % 2 == 0 ? [Topic] : []));
        }

        var failures = new ConcurrentQueue<Exception>();
        var readers = Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < Rounds * requests.Count; i += Workers)
            {
                try
                {
                    await PageAsync(world, requests[i % requests.Count]);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Enqueue(e);
                }
            }
        }, Ct)));

        // Meanwhile the trusted recommenders recommend and revoke: the readers' catch-ups apply the log as they go.
        for (var k = 0; k < items.Count; k++)
        {
            var by = recommenders[k % recommenders.Count];
            var made = await world.RecommendAsync(by, items[k], rating: 1 + (k % 5));
            if (k % 3 == 2)
            {
                Assert.True((await world.RunAsync((RevokeRecommendation uc) => uc.ExecuteAsync(by.Id, made.Id, Ct))).Succeeded);
            }
        }

        await readers;
        Assert.Empty(failures);

        await using var fresh = world.SecondNode();
        foreach (var request in requests)
        {
            Assert.Equal(await PageAsync(fresh, request), await PageAsync(world, request));
        }
    }
}
