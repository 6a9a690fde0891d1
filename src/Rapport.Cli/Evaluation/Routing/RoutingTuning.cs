using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// Chooses the Rapport method's parameters on validation questions only (the last part of the training period, labelled
/// with answers posted before the test cut-off): coordinate ascent on validation MRR from the current values, one knob
/// at a time over a short grid, for <see cref="Rounds"/> rounds; a value replaces the current one only if it raises MRR
/// by more than <see cref="MinGain"/> (small validation sets reward noise). Evidence is measured once per combination
/// of the knobs that change it and cached.
/// </summary>
internal sealed class RoutingTuning(StackExchangeSite site, IReadOnlyList<SiteQuestion> validation, DateTimeOffset labelsBefore, CancellationToken cancellationToken)
{
    public const int Rounds = 2;
    public const double MinGain = 0.002;

    private static readonly Knob[] Knobs =
    [
        new("edges", [0, 1, 2], p => (double)p.Direction, (p, v) => p with { Direction = (EdgeDirection)(int)v }),
        new("activity_half_life_days", [7, 14, 30, 60, 120], p => p.Options.ActivityHalfLife.TotalDays, (p, v) => p with { Options = p.Options with { ActivityHalfLife = TimeSpan.FromDays(v) } }),
        new("k1", [0.8, 1.2, 2], p => p.Options.K1, (p, v) => p with { Options = p.Options with { K1 = v } }),
        new("b", [0.3, 0.5, 0.75, 1], p => p.Options.B, (p, v) => p with { Options = p.Options with { B = v } }),
        new("topic_saturation", [0.5, 1, 2, 4], p => p.Options.TopicSaturation, (p, v) => p with { Options = p.Options with { TopicSaturation = v } }),
        new("text_share", [0, 0.25, 0.5, 0.75, 1], p => p.Options.TextShare, (p, v) => p with { Options = p.Options with { TextShare = v } }),
        new("expertise_weight", [0.5, 1, 2, 3], p => p.Options.ExpertiseWeight, (p, v) => p with { Options = p.Options with { ExpertiseWeight = v } }),
        new("expertise_floor", [0.01, 0.05, 0.2], p => p.Options.ExpertiseFloor, (p, v) => p with { Options = p.Options with { ExpertiseFloor = v } }),
        new("closeness_weight", [0, 0.5, 1, 2], p => p.Options.ClosenessWeight, (p, v) => p with { Options = p.Options with { ClosenessWeight = v } }),
        new("closeness_floor", [0.1, 0.25, 0.5, 1, 2], p => p.Options.ClosenessFloor, (p, v) => p with { Options = p.Options with { ClosenessFloor = v } }),
        new("availability_weight", [0, 0.5, 1, 2], p => p.Options.AvailabilityWeight, (p, v) => p with { Options = p.Options with { AvailabilityWeight = v } }),
        new("availability_floor", [0.01, 0.05, 0.2], p => p.Options.AvailabilityFloor, (p, v) => p with { Options = p.Options with { AvailabilityFloor = v } }),
        new("activity_saturation", [0.5, 1, 2, 4, 8], p => p.Options.ActivitySaturation, (p, v) => p with { Options = p.Options with { ActivitySaturation = v } }),
        new("diversity_penalty", [0, 0.1, 0.3, 0.5], p => p.Options.DiversityPenalty, (p, v) => p with { Options = p.Options with { DiversityPenalty = v } }),
    ];

    private readonly Dictionary<object, List<RoutingCase>> cases = [];

    /// <summary>The validation cases for <paramref name="parameters"/>' evidence.</summary>
    public List<RoutingCase> Cases(RoutingParameters parameters)
    {
        if (!cases.TryGetValue(parameters.MeasureKey, out var measured))
        {
            cases[parameters.MeasureKey] = measured = RoutingCase.Collect(site, validation, labelsBefore, parameters.Direction, parameters.Options, cancellationToken);
        }

        return measured;
    }

    public double Mrr(RoutingParameters parameters) => RoutingMetrics.Measure(RoutingMethod.Rapport(parameters.Options), Cases(parameters)).Mrr;

    public RoutingParameters Run(RoutingParameters start)
    {
        var best = start;
        var bestMrr = Mrr(best);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var knob in Knobs)
            {
                foreach (var value in knob.Values.Where(v => v != knob.Get(best)))
                {
                    var candidate = knob.Set(best, value);
                    var mrr = Mrr(candidate);
                    if (mrr > bestMrr + MinGain)
                    {
                        (best, bestMrr) = (candidate, mrr);
                    }
                }
            }
        }

        return best;
    }

    private sealed record Knob(string Name, double[] Values, Func<RoutingParameters, double> Get, Func<RoutingParameters, double, RoutingParameters> Set);
}
