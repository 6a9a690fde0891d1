using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Loads this node's trust graph replica and <see cref="RecommendationIndex"/> in the background once the host has
/// started (after the database is migrated and seeded, which the app does before starting its host, and after the
/// server listens, so the two do not compete for the CPU at start), then asks for one feed
/// (answer discarded) so its code is compiled: the first person to open the feed no longer waits for either. Start-up
/// does not wait for it — the host serves at once, and a feed asked for meanwhile waits for the same loads (one refresh
/// runs at a time). A failure is logged; the first feed then loads as before.
/// </summary>
public sealed partial class FeedWarmUp(
    TrustGraphStore store, RecommendationIndex index, IServiceScopeFactory scopes, ILogger<FeedWarmUp> logger, IHostApplicationLifetime? lifetime = null)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start
        try
        {
            if (lifetime is not null)
            {
                await WhenStartedAsync(lifetime.ApplicationStarted, stoppingToken);
            }

            var started = Stopwatch.GetTimestamp();
            var graph = await store.GetAsync(stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            await index.CatchUpAsync(scope.ServiceProvider.GetRequiredService<RapportDbContext>(), stoppingToken);
            if (graph.Snapshot.NodeCount > 0)
            {
                await scope.ServiceProvider.GetRequiredService<GetRecommendedFeed>()
                    .ExecuteAsync(graph.PersonAt(0), null, FeedOrder.Trusted, new PageRequest(), stoppingToken);
            }

            LogWarm(logger, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    private static async Task WhenStartedAsync(CancellationToken applicationStarted, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (applicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed warmed up (trust graph, recommendation index) in {Seconds:0.0} s.")]
    private static partial void LogWarm(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the feed failed; the first feed will load what it needs.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
