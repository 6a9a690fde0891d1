using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

/// <summary>The start-up warm-up loads a node's trust graph and recommendation index in the background, without holding up its start.</summary>
public sealed class FeedWarmUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task StartAsync_ReturnsAtOnce_ThenTheGraphAndIndexAreLoaded_SoTheFirstFeedLoadsNothing(DatabaseProvider provider)
    {
        await using var world = await RecommendationWorld.CreateAsync(provider);
        var (viewer, ana) = (await world.PersonAsync("v"), await world.PersonAsync("a"));
        await world.TrustAsync(viewer, ana, TrustLevel.ALot.Value);
        await world.RecommendAsync(ana, await world.ItemAsync(ana, "Book"));
        await using var node = world.SecondNode(); // a freshly started node: nothing loaded yet
        var (store, index) = await node.RunAsync((IServiceProvider services) =>
            Task.FromResult((services.GetRequiredService<TrustGraphStore>(), services.GetRequiredService<RecommendationIndex>())));
        Assert.Null(store.Current);

        var warmUp = await node.RunAsync((IServiceProvider services) => Task.FromResult(ActivatorUtilities.CreateInstance<FeedWarmUp>(services)));
        var start = warmUp.StartAsync(Ct);

        Assert.True(start.IsCompletedSuccessfully); // the host goes on serving while the feed warms up
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1), Ct);
        Assert.NotNull(store.Current);
        Assert.Equal(1, index.Reloads);
        Assert.Equal(await world.ReadAsync(db => RecommendationChangeLog.HeadAsync(db, Ct)), index.Version);

        var feed = await node.RunAsync((GetRecommendedFeed uc) => uc.ExecuteAsync(viewer.Id, null, FeedOrder.Trusted, new PageRequest(), Ct));
        Assert.Equal(["Book"], feed.Value!.Entries.Select(e => e.Item.Title));
        Assert.Equal(1, index.Reloads);
        await warmUp.StopAsync(Ct);
    }

    [Fact]
    public async Task WithAHost_WaitsUntilTheHostHasStarted_ThenLoads()
    {
        await using var world = await RecommendationWorld.CreateAsync(DatabaseProvider.Sqlite);
        await world.TrustAsync(await world.PersonAsync("v"), await world.PersonAsync("a"), TrustLevel.ALot.Value);
        await using var node = world.SecondNode();
        var lifetime = new StartingHost();
        var (warmUp, store) = await node.RunAsync((IServiceProvider services) => Task.FromResult(
            (ActivatorUtilities.CreateInstance<FeedWarmUp>(services, lifetime), services.GetRequiredService<TrustGraphStore>())));

        await warmUp.StartAsync(Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
        Assert.Null(store.Current); // the server is still starting

        lifetime.Start();
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1), Ct);
        Assert.NotNull(store.Current);
    }

    private sealed class StartingHost : Microsoft.Extensions.Hosting.IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _started = new();

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication() { }

        public void Dispose() => _started.Dispose();
    }
}
