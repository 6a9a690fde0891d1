using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Invitations.Learning;

/// <summary>
/// This node's routing model: the last choice made from the instance's history (<see cref="RoutingModelSelection"/>),
/// read by <see cref="RouteProblem"/> on every request and replaced by <see cref="RoutingModelRefresher"/> at most once
/// a UTC day (never on the request path). Until a choice is made the a-priori product ranks.
/// </summary>
public sealed class RoutingModelStore(IServiceScopeFactory scopes, TrustGraphStore graphs, TimeProvider clock)
{
    private Fitted? _current;

    /// <summary>The model to rank with now.</summary>
    public RoutingModelChoice Current => Volatile.Read(ref _current)?.Choice ?? RoutingModelChoice.None;

    /// <summary>The UTC day of the last choice (null: none yet).</summary>
    public DateOnly? FittedOn => Volatile.Read(ref _current)?.Day;

    /// <summary>Replays the history and chooses again (a few seconds on a few hundred problems; CPU-bound).</summary>
    public async Task<RoutingModelChoice> RefitAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var graph = await graphs.GetAsync(cancellationToken);
        RoutingModelChoice choice;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            var examples = await RoutingExamples.ReadAsync(db, graph, now, RouteProblem.Options, cancellationToken);
            choice = RoutingModelSelection.Choose(examples, RouteProblem.Options);
        }

        Volatile.Write(ref _current, new Fitted(choice, DateOnly.FromDateTime(now.UtcDateTime)));
        return choice;
    }

    private sealed record Fitted(RoutingModelChoice Choice, DateOnly Day);
}

/// <summary>
/// Refits <see cref="RoutingModelStore"/> in the background once a UTC day (checked every <see cref="CheckEvery"/>,
/// starting <see cref="StartAfter"/> after the node starts, so start-up and tests are not slowed). Failures are
/// logged; the last model (or the a-priori product) keeps ranking.
/// </summary>
public sealed partial class RoutingModelRefresher(RoutingModelStore store, TimeProvider clock, ILogger<RoutingModelRefresher> logger) : BackgroundService
{
    /// <summary>Delay after start before the first fit.</summary>
    public static readonly TimeSpan StartAfter = TimeSpan.FromMinutes(1);

    /// <summary>How often the day is checked.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = StartAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = CheckEvery;
            if (store.FittedOn == DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            {
                continue;
            }

            try
            {
                var choice = await Task.Run(() => store.RefitAsync(stoppingToken), stoppingToken);
                LogChosen(logger, choice.Name, choice.AnsweredProblems, choice.APrioriMrr, choice.LearnedMrr, choice.Configuration);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing model: {Model} ({Answered} answered problems; validation MRR a-priori {APriori:F4}, learned {Learned:F4}; {Configuration}).")]
    private static partial void LogChosen(ILogger logger, string model, int answered, double aPriori, double learned, string configuration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refitting the routing model failed; the last one keeps ranking.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
