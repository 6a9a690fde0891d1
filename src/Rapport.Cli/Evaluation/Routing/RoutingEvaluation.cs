using Rapport.Cli.Benchmarks;
using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>What <c>eval routing</c> was asked for.</summary>
/// <param name="Split">Share of questions, by time, in the training period; the rest are the test questions.</param>
/// <param name="Tune">Choose the parameters on this site's validation questions instead of taking the defaults.</param>
internal sealed record RoutingSettings(double Split, bool Tune);

/// <summary>
/// <c>eval routing</c>: questions in time order; the first <see cref="RoutingSettings.Split"/> are training, the rest
/// test. The last <see cref="ValidationShare"/> of training questions are validation (labelled only with answers posted
/// before the first test question); parameters are chosen there (with <c>--tune</c>) or are the documented defaults, and
/// the test questions are ranked once with them. Every question is ranked on what happened strictly before it.
/// </summary>
internal sealed class RoutingEvaluation(TimeProvider time)
{
    public const double ValidationShare = 0.2;

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
        var validation = ordered.GetRange((int)Math.Floor((1 - ValidationShare) * cut), cut - (int)Math.Floor((1 - ValidationShare) * cut));
        var test = ordered.GetRange(cut, ordered.Count - cut);
        var tuning = new RoutingTuning(site, validation, cutoff, cancellationToken);
        var chosen = settings.Tune ? tuning.Run(RoutingTuning.Start) : RoutingParameters.Default;

        var testCases = RoutingCase.Collect(site, test, DateTimeOffset.MaxValue, chosen, cancellationToken);
        if (testCases.Count == 0)
        {
            throw new CliException($"{site.Name}: no test question (after {cutoff:yyyy-MM-dd HH:mm:ss}) was answered by anyone but its asker; nothing to score.");
        }

        var validationCases = tuning.Cases(chosen);
        return new RoutingReport
        {
            Site = site.Name,
            Split = settings.Split,
            Cutoff = cutoff,
            Questions = ordered.Count,
            TestQuestions = testCases.Count,
            TestQuestionsWithAccepted = testCases.Count(c => c.AcceptedAnswerer is not null),
            ValidationQuestions = validationCases.Count,
            MeanCandidates = Math.Round(testCases.Average(c => c.Signals.Candidates.Count), 1),
            Tuned = settings.Tune,
            Parameters = chosen.Values,
            Methods = [RoutingMetrics.Measure(RoutingMethod.Rapport(chosen.Options), testCases), .. RoutingMethod.Baselines.Select(m => RoutingMetrics.Measure(m, testCases))],
            Ablations = Ablations(site, test, DateTimeOffset.MaxValue, chosen, testCases, cancellationToken),
            Validation = [.. Ablations(site, validation, cutoff, chosen, validationCases, cancellationToken).Prepend(RoutingMetrics.Measure(RoutingMethod.Rapport(chosen.Options), validationCases)),
                .. RoutingMethod.Baselines.Select(m => RoutingMetrics.Measure(m, validationCases))],
            Tuning = tuning.Steps,
            Sensitivity = [.. tuning.Around(chosen)],
            Machine = MachineInfo.Current(time),
        };
    }

    /// <summary>The Rapport method with one component switched off at a time (and the two other ways of drawing edges).</summary>
    private static List<RoutingMetrics> Ablations(
        StackExchangeSite site, IReadOnlyList<SiteQuestion> questions, DateTimeOffset labelsBefore, RoutingParameters chosen, List<RoutingCase> cases,
        CancellationToken cancellationToken)
    {
        var o = chosen.Options;
        var rows = new List<RoutingMetrics>
        {
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { TextShare = 0 }, "rapport no-text"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { TextShare = 1 }, "rapport no-topics"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { ExpertiseWeight = 0 }, "rapport no-expertise"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { ClosenessWeight = 0 }, "rapport no-trust"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { AvailabilityWeight = 0 }, "rapport no-availability"), cases),
            RoutingMetrics.Measure(RoutingMethod.Rapport(o with { DiversityPenalty = 0 }, "rapport no-diversity"), cases),
        };
        foreach (var direction in Enum.GetValues<EdgeDirection>().Where(d => d != chosen.Direction))
        {
            var other = chosen with { Direction = direction };
            var otherCases = RoutingCase.Collect(site, questions, labelsBefore, other, cancellationToken);
            rows.Add(RoutingMetrics.Measure(RoutingMethod.Rapport(o, $"rapport edges {other.Values.Edges}"), otherCases));
        }

        return rows;
    }
}
