using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// Chooses the Rapport method's parameters on validation questions only (the last part of the training period, labelled
/// with answers posted before the test cut-off): coordinate ascent on validation MRR from the current values, one knob
/// at a time over a short grid, for <see cref="Rounds"/> rounds; a value replaces the current one only if it raises MRR
/// by more than <see cref="MinGain"/> (small validation sets reward noise). Before that, the knobs that shape the
/// relationship graph and its weight are searched jointly (round 0; a step's value is then the digits of each knob's
/// value index). Evidence is measured once per combination
/// of the knobs that change it and cached.
/// </summary>
internal sealed class RoutingTuning(StackExchangeSite site, IReadOnlyList<SiteQuestion> validation, DateTimeOffset labelsBefore, CancellationToken cancellationToken)
{
    public const int Rounds = 2;
    public const double MinGain = 0.002;

    /// <summary>
    /// Where the search starts (the values fixed before any data was looked at): edges both ways with comments counting
    /// fully, BM25 k1 1.2 and b 0.75, text and topics half each, every factor at weight 1, floors 0.05 (closeness 0.5),
    /// activity half-life 30 days, saturation 2, diversity 0.3.
    /// </summary>
    public static RoutingParameters Start { get; } = new(EdgeDirection.Both, 1, RoutingOptions.Default with
    {
        B = 0.75, TextShare = 0.5, TopicSaturation = 1, ExpertiseFloor = 0.05, ClosenessWeight = 1, ClosenessFloor = 0.5,
        ActivityHalfLife = TimeSpan.FromDays(30), ActivitySaturation = 2,
    });

    private static readonly string[] JointKnobs = ["edges", "comment_edge_weight", "closeness_weight"];

    private static readonly Knob[] Knobs =
    [
        new("edges", [0, 1, 2], p => (double)p.Direction, (p, v) => p with { Direction = (EdgeDirection)(int)v }),
        new("comment_edge_weight", [0, 0.25, 0.5, 1], p => p.CommentEdgeWeight, (p, v) => p with { CommentEdgeWeight = v }),
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

    /// <summary>Every value tried, in order, with its validation MRR and whether it was kept.</summary>
    public List<TuningStep> Steps { get; } = [];

    /// <summary>The validation cases for <paramref name="parameters"/>' evidence.</summary>
    public List<RoutingCase> Cases(RoutingParameters parameters)
    {
        if (!cases.TryGetValue(parameters.MeasureKey, out var measured))
        {
            cases[parameters.MeasureKey] = measured = RoutingCase.Collect(site, validation, labelsBefore, parameters, cancellationToken);
        }

        return measured;
    }

    public double Mrr(RoutingParameters parameters) => RoutingMetrics.Measure(RoutingMethod.Rapport(parameters.Options), Cases(parameters)).Mrr;

    public RoutingParameters Run(RoutingParameters start)
    {
        var best = start;
        var bestMrr = Mrr(best);

        // Round 0: the graph knobs interact (which edges exist decides whether closeness can help), so they are tried jointly.
        var joint = Knobs.Where(k => JointKnobs.Contains(k.Name)).ToList();
        foreach (var combination in joint.Aggregate((IEnumerable<RoutingParameters>)[start], (partial, knob) => partial.SelectMany(p => knob.Values.Select(v => knob.Set(p, v)))))
        {
            if (combination == start)
            {
                continue;
            }

            var mrr = Mrr(combination);
            var kept = mrr > bestMrr + MinGain;
            Steps.Add(new TuningStep(0, string.Join('+', joint.Select(k => k.Name)), joint.Aggregate(0.0, (code, k) => (code * 10) + Array.IndexOf(k.Values, k.Get(combination))), Math.Round(mrr, 4), kept));
            if (kept)
            {
                (best, bestMrr) = (combination, mrr);
            }
        }

        for (var round = 0; round < Rounds; round++)
        {
            foreach (var knob in Knobs)
            {
                foreach (var value in knob.Values.Where(v => v != knob.Get(best)))
                {
                    var candidate = knob.Set(best, value);
                    var mrr = Mrr(candidate);
                    var kept = mrr > bestMrr + MinGain;
                    Steps.Add(new TuningStep(round + 1, knob.Name, value, Math.Round(mrr, 4), kept));
                    if (kept)
                    {
                        (best, bestMrr) = (candidate, mrr);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Re-weighs the chosen evidence with one knob at each of its values (the others as chosen): how flat the
    /// validation optimum is around the choice.
    /// </summary>
    public IEnumerable<TuningStep> Around(RoutingParameters chosen) =>
        Knobs.SelectMany(knob => knob.Values.Select(value => new TuningStep(0, knob.Name, value, Math.Round(Mrr(knob.Set(chosen, value)), 4), value == knob.Get(chosen))));

    private sealed record Knob(string Name, double[] Values, Func<RoutingParameters, double> Get, Func<RoutingParameters, double, RoutingParameters> Set);
}

/// <summary>One value tried by the tuning: its round, knob, value, validation MRR, and whether it was kept.</summary>
internal sealed record TuningStep(
    [property: System.Text.Json.Serialization.JsonPropertyName("round")] int Round,
    [property: System.Text.Json.Serialization.JsonPropertyName("knob")] string Knob,
    [property: System.Text.Json.Serialization.JsonPropertyName("value")] double Value,
    [property: System.Text.Json.Serialization.JsonPropertyName("validation_mrr")] double ValidationMrr,
    [property: System.Text.Json.Serialization.JsonPropertyName("kept")] bool Kept);
