using Rapport.Cli.Benchmarks;
using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>What <c>eval routing</c> was asked for.</summary>
/// <param name="Split">Share of questions, by time, in the training period; the rest are the test questions.</param>
/// <param name="Tune">Use the parameters chosen by rolling-origin validation on this site instead of the defaults.</param>
/// <param name="ValidationOnly">Score only the training period (the validation windows): the test part is not read, its rows are empty.</param>
internal sealed record RoutingSettings(double Split, bool Tune, bool ValidationOnly = false);

/// <summary>
/// <c>eval routing</c>: questions in time order; the first <see cref="RoutingSettings.Split"/> are training, the rest
/// test. The rolling-origin validation grid (<see cref="RoutingTuning"/>) is always scored on the last blocks of the
/// training period; with <c>--tune</c> its choice is used, otherwise the documented defaults. The learned ranker
/// (<see cref="RoutingLearning"/>) is fitted on the training questions and replaces the a-priori product as "rapport" if
/// the same validation blocks prefer it. The test questions are ranked once. Every question is ranked on what happened
/// strictly before it.
/// </summary>
internal sealed class RoutingEvaluation(TimeProvider time)
{
    public RoutingReport Run(StackExchangeSite site, RoutingSettings settings, CancellationToken cancellationToken)
    {
        if (!(settings.Split > 0 && settings.Split < 1))
        {
            throw new CliException($"--split must be between 0 and 1 (exclusive); {settings.Split} is not.");
        }

        var ordered = site.Questions.OrderBy(q => q.Created).ThenBy(q => q.Id).ToList();
        var cut = (int)Math.Floor(settings.Split * ordered.Count);
        if (cut < 1 || cut >= ordered.Count)
        {
            throw new CliException($"--split {settings.Split} leaves no training or no test question among {ordered.Count}.");
        }

        var cutoff = ordered[cut].Created;
        var test = ordered.GetRange(cut, ordered.Count - cut);
        var windows = ValidationWindows.Of(ordered.GetRange(0, cut), test.Count);
        var tuning = new RoutingTuning(site, windows, cutoff, cancellationToken);
        var scoreGrid = settings.Tune || !settings.ValidationOnly;
        var chosen = !scoreGrid ? RoutingParameters.Default : tuning.Run(RoutingParameters.Default) is var tuned && settings.Tune ? tuned : RoutingParameters.Default;

        var testCases = settings.ValidationOnly ? [] : RoutingCase.Collect(site, test, DateTimeOffset.MaxValue, chosen, cancellationToken);
        if (!settings.ValidationOnly && testCases.Count == 0)
        {
            throw new CliException($"{site.Name}: no test question (after {cutoff:yyyy-MM-dd HH:mm:ss}) was answered by anyone but its asker; nothing to score.");
        }

        var validationCases = tuning.AllCases(chosen);
        var trainingCases = RoutingCase.Collect(site, ordered.GetRange(0, cut), cutoff, chosen, cancellationToken);
        var learning = new RoutingLearning(trainingCases, windows, chosen.Options);
        var (choice, blockModels) = learning.Choose();
        var (spec, learnedMean, aPrioriMean, model, useLearned) = (choice.Chosen.Configuration!, choice.Chosen.Mean, choice.APriori.Mean, choice.Model, choice.UseLearned);
        var learningCases = learning.ValidationCases;
        var refit = choice.Chosen.RefitEvery;

        // Round 6, rule (g): reciprocal-rank fusion of the learned ranker with most-active (k = 60, a priori) replaces it
        // if its mean window MRR beats the learned ranker's by more than the complexity margin.
        var fusion = RoutingMethod.Fused("fusion", learning.RollingMethod("learned", blockModels), RoutingMethod.MostActive);
        var fusionWindowMrr = learning.WindowCases.Select(w => w.Count == 0 ? 0 : w.Average(c => RankerSelection.ReciprocalRank(fusion.Rank(c), c.Answerers.Contains))).ToList();
        var useFusion = useLearned && fusionWindowMrr.Average() > learnedMean + RankerSelection.ComplexityMargin;
        var aPriori = RoutingMethod.Rapport(chosen.Options, useLearned ? "rapport a-priori" : "rapport");
        var learnedName = useLearned && !useFusion ? "rapport" : "rapport learned";
        var fusedName = useFusion ? "rapport" : "rapport learned fused-most-active";

        // Round 6, rule (f): the test is ranked as the validation windows were — refitted every period from the cut-off
        // on every question asked and every answer given before each refit — or by the one model fitted at the cut-off.
        // The other protocol and a weekly refit are diagnostics (RoutingProtocols).
        var allCases = settings.ValidationOnly ? [] : RoutingCase.Collect(site, ordered, DateTimeOffset.MaxValue, chosen, cancellationToken);
        RoutingMethod OnTest(TimeSpan? period, string name) => period is { } p
            ? learning.RollingMethod(name, learning.RefittedOnTest(allCases, cutoff, spec, p))
            : learning.Method(model, name);
        var learned = OnTest(refit, learnedName);
        var fused = RoutingMethod.Fused(fusedName, learned, RoutingMethod.MostActive);
        var rolling = learning.RollingMethod(learnedName, blockModels);
        var fusedRolling = RoutingMethod.Fused(fusedName, rolling, RoutingMethod.MostActive);
        var (primary, primaryRolling) = useFusion ? (fused, fusedRolling) : useLearned ? (learned, rolling) : (aPriori, null);
        List<RoutingMethod> secondary = [.. new[] { aPriori, learned, fused }.Where(m => m != primary)];
        List<RoutingMethod> secondaryRolling = [.. new[] { rolling, fusedRolling }.Where(m => m != primaryRolling)];
        var protocols = RoutingProtocols.Other(refit).Select(p => (Name: $"rapport learned {RoutingProtocols.Name(p)}", Period: p)).ToList();
        var protocolRows = protocols.Select(p => (
            Test: settings.ValidationOnly ? null : RoutingMetrics.Measure(OnTest(p.Period, p.Name), testCases),
            Validation: RoutingMetrics.Measure(learning.RollingMethod(p.Name, p.Period is { } period ? learning.Refitted(spec, period).Models : learning.Rolling(spec).Models), learningCases))).ToList();
        var learnedAblations = FeatureGroups.Ablations.Select(group =>
        {
            var without = spec.Dropping(group.Features, group.Name);
            var name = $"rapport learned {group.Name}";
            return (Test: settings.ValidationOnly ? null : RoutingMetrics.Measure(learning.Method(learning.FitAll(without), name), testCases),
                Validation: RoutingMetrics.Measure(learning.RollingMethod(name, learning.Rolling(without).Models), learningCases));
        }).ToList();
        var featureAblation = FeatureGroups.Single.ToDictionary(f => f.Name, f => Math.Round(learning.Rolling(spec with { Features = f.Name, Without = f.Without }).Mean, 4));
        return new RoutingReport
        {
            Site = site.Name,
            Split = settings.Split,
            Cutoff = cutoff,
            Questions = ordered.Count,
            TestQuestions = testCases.Count,
            TestQuestionsWithAccepted = testCases.Count(c => c.AcceptedAnswerer is not null),
            ValidationQuestions = validationCases.Count,
            ValidationBlocks = tuning.BlockSpans,
            MeanCandidates = testCases.Count == 0 ? 0 : Math.Round(testCases.Average(c => c.Signals.Candidates.Count), 1),
            Tuned = settings.Tune,
            Parameters = chosen.Values,
            Methods = settings.ValidationOnly ? [] : [RoutingMetrics.Measure(primary, testCases), .. RoutingMethod.Baselines.Select(m => RoutingMetrics.Measure(m, testCases))],
            Ablations = settings.ValidationOnly ? [] : [.. secondary.Select(m => RoutingMetrics.Measure(m, testCases)), .. protocolRows.Select(r => r.Test!), .. learnedAblations.Select(a => a.Test!), .. Ablations(chosen, testCases, p => RoutingCase.Collect(site, test, DateTimeOffset.MaxValue, p, cancellationToken))],
            Validation = [.. primaryRolling is null ? [RoutingMetrics.Measure(aPriori, validationCases)] : new[] { RoutingMetrics.Measure(primaryRolling, learningCases), RoutingMetrics.Measure(aPriori, validationCases) },
                .. secondaryRolling.Select(m => RoutingMetrics.Measure(m, learningCases)),
                .. protocolRows.Select(r => r.Validation),
                .. learnedAblations.Select(a => a.Validation),
                .. Ablations(chosen, validationCases, tuning.AllCases),
                .. RoutingMethod.Baselines.Select(m => RoutingMetrics.Measure(m, validationCases))],
            Comparison = new RoutingComparisons(
                settings.ValidationOnly ? null : RoutingComparison.Compare(primary, RoutingMethod.Baselines, testCases),
                primaryRolling is not null ? RoutingComparison.Compare(primaryRolling, RoutingMethod.Baselines, learningCases) : RoutingComparison.Compare(aPriori, RoutingMethod.Baselines, validationCases)),
            Learned = new LearnedRanker(useLearned, Math.Round(aPrioriMean, 4), Math.Round(learnedMean, 4), spec.Regularization, learning.TrainingQuestions,
                model.Named.ToDictionary(p => p.Key, p => Math.Round(p.Value, 6)), learning.Grid)
            {
                Features = spec.Features,
                Centre = spec.Centre,
                Trees = spec.Trees,
                Depth = spec.Depth,
                Configurations = learning.Configurations,
                RefitDays = refit?.TotalDays,
                StaticMeanMrr = choice.Static is null ? null : Math.Round(choice.Static.Mean, 4),
                RefittedMeanMrr = choice.Refitted is null ? null : Math.Round(choice.Refitted.Mean, 4),
                FeatureAblation = featureAblation,
                FusionWindowMrr = [.. fusionWindowMrr.Select(m => Math.Round(m, 4))],
                FusionMeanMrr = Math.Round(fusionWindowMrr.Average(), 4),
                Fused = useFusion,
            },
            Tuning = tuning.Grid,
            Machine = MachineInfo.Current(time),
        };
    }

    /// <summary>
    /// The Rapport method with one term switched off at a time, the optional text term switched on, the prior without
    /// decay, the prior from answers alone (a diagnostic added after the test figures were seen; not used to choose
    /// anything), and the two other ways of drawing edges (<paramref name="casesFor"/> measures those).
    /// </summary>
    private static List<RoutingMetrics> Ablations(RoutingParameters chosen, List<RoutingCase> cases, Func<RoutingParameters, List<RoutingCase>> casesFor)
    {
        var o = chosen.Options;
        var rows = new List<RoutingMetrics>
        {
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { PriorWeight = 0 }, "rapport no-prior"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { ProfileWeight = 0 }, "rapport no-profile"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { ClosenessWeight = 0 }, "rapport no-trust"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { ResponsivenessWeight = 0 }, "rapport no-availability"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { DiversityPenalty = 0 }, "rapport no-diversity"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { TextWeight = 1 }, "rapport with-text"), cases),
        };
        if (o.PriorHalfLife != TimeSpan.MaxValue)
        {
            var undecayed = chosen with { Options = o with { PriorHalfLife = TimeSpan.MaxValue } };
            rows.Add(RoutingMetrics.Measure(RoutingMethod.Rapport(undecayed.Options, "rapport prior-no-decay"), casesFor(undecayed)));
        }

        var answersOnly = chosen with { AnswersOnlyActivity = true };
        rows.Add(RoutingMetrics.Measure(RoutingMethod.Rapport(o, "rapport prior-answers-only (post hoc)"), casesFor(answersOnly)));
        rows.Add(RoutingMetrics.Measure(RoutingMethod.Rapport(o with { ProfileWeight = 0 }, "rapport prior-answers-only no-profile (post hoc)"), casesFor(answersOnly)));
        foreach (var direction in Enum.GetValues<EdgeDirection>().Where(d => d != chosen.Direction))
        {
            var other = chosen with { Direction = direction };
            rows.Add(RoutingMetrics.Measure(RoutingMethod.Rapport(o, $"rapport edges {other.Values.Edges}"), casesFor(other)));
        }

        return rows;
    }
}

/// <summary>
/// The learned ranker's protocols on a period (round 6): one model fitted at the period's start (null), refitted daily as
/// the app does (<see cref="RankerSelection.AppRefitPeriod"/>, what rule (f) chooses between), and refitted weekly (a
/// diagnostic only: nothing is chosen from it).
/// </summary>
internal static class RoutingProtocols
{
    public static readonly TimeSpan Weekly = TimeSpan.FromDays(7);

    public static IReadOnlyList<TimeSpan?> All { get; } = [null, RankerSelection.AppRefitPeriod, Weekly];

    /// <summary>The protocols other than <paramref name="used"/>, for the diagnostic rows.</summary>
    public static IEnumerable<TimeSpan?> Other(TimeSpan? used) => All.Where(p => p != used);

    public static string Name(TimeSpan? period) => period is { } p ? $"refit-{p.TotalDays:0}d" : "static";
}
