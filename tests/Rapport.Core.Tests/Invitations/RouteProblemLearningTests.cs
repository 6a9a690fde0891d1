using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rapport.Core.Invitations;
using Rapport.Core.Invitations.Learning;
using Rapport.Core.Notifications;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Testing;

namespace Rapport.Core.Tests.Invitations;

/// <summary>
/// Routing learns from the instance's own history: with enough answered problems the ranker fitted on them ranks (and
/// finds the helper who always answers a topic); below the minimum the a-priori product ranks.
/// </summary>
public sealed class RouteProblemLearningTests
{
    private const string Knots = "knots";
    private const string Sailing = "sailing";

    /// <summary>Every third day a knots problem (the specialist answers it), otherwise a sailing one (three busy decoys who also declare knots answer it).</summary>
    private const int KnotsEvery = 3;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Route_WithEnoughHistory_RanksWithTheLearnedModel_AndTheHelperWhoAlwaysAnswersTheTopicComesFirst(DatabaseProvider provider)
    {
        await using var world = await LearningWorld.CreateAsync(provider);
        var (askers, specialist, _) = await world.HistoryAsync(RoutingModelSelection.MinimumAnsweredProblems + 30);

        var watch = Stopwatch.StartNew();
        var choice = await world.RunAsync((RoutingModelStore store) => store.RefitAsync(TestContext.Current.CancellationToken));
        watch.Stop();

        Assert.Equal(RoutingModelChoice.Learned, choice.Name);
        Assert.NotNull(choice.Model);
        Assert.True(choice.LearnedMrr > choice.APrioriMrr, $"learned {choice.LearnedMrr} against a-priori {choice.APrioriMrr}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{choice.Configuration}: validation MRR learned {choice.LearnedMrr:F4}, a-priori {choice.APrioriMrr:F4}; refit {watch.ElapsedMilliseconds} ms");
        var invited = await world.RouteAsync(askers[0], await world.ProblemAsync(askers[0], Knots, "My knot slips"));
        Assert.Equal(specialist.Handle, invited[0].Invitee.Handle);
        Assert.Contains(Knots, invited[0].Why.Topics);
        Assert.Contains(world.Logs, l => l.Contains($"with the {RoutingModelChoice.Learned} ranker", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Route_BelowTheMinimum_RanksWithTheAPrioriProduct(DatabaseProvider provider)
    {
        await using var world = await LearningWorld.CreateAsync(provider);
        var (askers, _, decoys) = await world.HistoryAsync(RoutingModelSelection.MinimumAnsweredProblems / 5);

        var choice = await world.RunAsync((RoutingModelStore store) => store.RefitAsync(TestContext.Current.CancellationToken));

        Assert.Equal(RoutingModelChoice.APriori, choice.Name);
        Assert.Null(choice.Model);
        var invited = await world.RouteAsync(askers[0], await world.ProblemAsync(askers[0], Knots, "My knot slips"));
        Assert.NotEmpty(invited);
        Assert.Contains(world.Logs, l => l.Contains($"with the {RoutingModelChoice.APriori} ranker", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Logs, l => l.Contains($"with the {RoutingModelChoice.Learned} ranker", StringComparison.Ordinal));
        Assert.Contains(decoys, d => d.Handle == invited[0].Invitee.Handle); // the product puts a busy decoy first
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Refit_AboveTheMinimum_KeepsTheAPrioriProduct_WhenTheLearnedRankerDoesNotBeatItOnTheWindows(DatabaseProvider provider)
    {
        await using var world = await LearningWorld.CreateAsync(provider);
        await world.HistoryAsync(RoutingModelSelection.MinimumAnsweredProblems + 30, decoysDeclare: Sailing); // everyone declares what they answer

        var choice = await world.RunAsync((RoutingModelStore store) => store.RefitAsync(TestContext.Current.CancellationToken));

        Assert.Equal(RoutingModelChoice.APriori, choice.Name);
        Assert.Null(choice.Model);
        Assert.True(choice.AnsweredProblems >= RoutingModelSelection.MinimumAnsweredProblems);
        Assert.True(choice.LearnedMrr <= choice.APrioriMrr, $"learned {choice.LearnedMrr} against a-priori {choice.APrioriMrr}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{choice.Configuration}: validation MRR learned {choice.LearnedMrr:F4}, a-priori {choice.APrioriMrr:F4}");
    }

    /// <summary>A <see cref="UseCaseWorld"/> that keeps its log lines.</summary>
    private sealed class LearningWorld : UseCaseWorld
    {
        private LearningWorld(TestDatabase database, LogRecorder logs)
            : base(database, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), register: services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.AddSingleton<INotificationMail>(new RecordingMail());
            })
        {
            Recorder = logs;
        }

        public IEnumerable<string> Logs => Recorder.Lines;

        private LogRecorder Recorder { get; }

        public static async Task<LearningWorld> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider), new LogRecorder());

        /// <summary>
        /// <paramref name="problems"/> answered public problems, one a day up to yesterday, by five askers in turn: a knots
        /// problem every <see cref="KnotsEvery"/> days answered only by the specialist (who declares knots), the others
        /// sailing problems answered and credited to three decoys who also declare knots (or <paramref name="decoysDeclare"/>)
        /// and are far more active.
        /// </summary>
        public async Task<(Person[] Askers, Person Specialist, Person[] Decoys)> HistoryAsync(int problems, string decoysDeclare = Knots)
        {
            var askers = new Person[5];
            for (var i = 0; i < askers.Length; i++)
            {
                askers[i] = await AddPersonAsync("asker");
            }

            var specialist = await AddPersonAsync("specialist", topics: [Knots]);
            var decoys = new Person[3];
            for (var i = 0; i < decoys.Length; i++)
            {
                decoys[i] = await AddPersonAsync("decoy", topics: [decoysDeclare]);
            }

            var now = Clock.GetUtcNow();
            await WriteAsync(db =>
            {
                for (var day = 0; day < problems; day++)
                {
                    var at = now.AddDays(day - problems);
                    var knots = day % KnotsEvery == 0;
                    var problem = RoutingHistory.Problem(askers[day % askers.Length], at, knots ? Knots : Sailing, $"Question {day}");
                    db.Problems.Add(problem);
                    foreach (var helper in knots ? [specialist] : decoys)
                    {
                        var contribution = RoutingHistory.Contribution(problem, helper, TimeSpan.FromHours(1), "Try it this way and tell me how it goes.");
                        db.Contributions.Add(contribution);
                        if (!knots)
                        {
                            db.Resolutions.Add(RoutingHistory.Credit(problem, contribution, TimeSpan.FromHours(1)));
                            break; // one resolution a problem: the first decoy is credited
                        }
                    }

                    if (!knots)
                    {
                        foreach (var helper in decoys.Skip(1))
                        {
                            db.Contributions.Add(RoutingHistory.Contribution(problem, helper, TimeSpan.FromHours(2), "Try it this way and tell me how it goes."));
                        }
                    }
                }
            });
            return (askers, specialist, decoys);
        }

        public async Task<Problem> ProblemAsync(Person author, string topic, string title)
        {
            var problem = RoutingHistory.Problem(author, Clock.GetUtcNow(), topic, title);
            await WriteAsync(db => db.Problems.Add(problem));
            return problem;
        }

        public async Task<IReadOnlyList<InvitationView>> RouteAsync(Person asker, Problem problem)
        {
            var routed = await RunAsync((RouteProblem uc) => uc.ExecuteAsync(asker.Id, problem.Id, Ct));
            Assert.True(routed.Succeeded, Describe(routed));
            return routed.Value!;
        }
    }

    private sealed class LogRecorder : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(Lines);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
