using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>
/// <c>Rapport:Trust</c>: how often each node follows the change log (other nodes' writes reach it within this), and how
/// long log entries are kept (a node further behind than that rebuilds its graph from the statements).
/// </summary>
public sealed class TrustGraphSettings
{
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan LogRetention { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Keeps this node's <see cref="TrustGraphStore"/> following the database, so writes made on other app nodes reach it
/// within <see cref="TrustGraphSettings.RefreshInterval"/>, and now and then prunes log entries older than the retention
/// (so a deleted account's last traces in the log go too). Failures are logged and retried on the next tick.
/// </summary>
public sealed partial class TrustGraphRefresher(
    TrustGraphStore store, IServiceScopeFactory scopes, TrustGraphSettings settings, TimeProvider clock, ILogger<TrustGraphRefresher> logger)
    : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
                if (clock.GetUtcNow() >= nextPrune)
                {
                    await PruneAsync(stoppingToken);
                    nextPrune = clock.GetUtcNow() + PruneEvery;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(settings.RefreshInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var cutoff = clock.GetUtcNow() - settings.LogRetention;
        await db.TrustChanges.Where(c => c.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the trust change log failed; trying again shortly.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
