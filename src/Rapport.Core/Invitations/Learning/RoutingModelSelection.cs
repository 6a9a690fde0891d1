using Rapport.Trust.Routing;

namespace Rapport.Core.Invitations.Learning;

/// <summary>What the instance's history chose: the model to rank with (null: the a-priori product) and why.</summary>
public sealed record RoutingModelChoice(RoutingModel? Model, string Name, int AnsweredProblems, double APrioriMrr, double LearnedMrr, string Configuration)
{
    /// <summary>The a-priori product ranks (no learned model yet, or it did not beat the product on the instance's own validation windows).</summary>
    public const string APriori = "a-priori";

    /// <summary>The learned ranker ranks.</summary>
    public const string Learned = "learned";

    /// <summary>The choice before any history was read: the a-priori product.</summary>
    public static RoutingModelChoice None { get; } = new(null, APriori, 0, 0, 0, "no history read yet");
}

/// <summary>
/// Chooses the app's ranker from its own answered problems with the rule docs/routing.md fixes for the evaluation
/// (round 5), on validation windows shaped like the evaluation's: the last 2 × <see cref="WindowShare"/> of the answered
/// problems in two back-to-back windows, each ranked by one model fitted on the problems before it with the answers
/// given before its first problem.
/// (a) Every linear configuration (feature set {all, round 4's} × penalty centre {0, most-active} × λ) gets the mean of
/// the windows' MRR; B is the best. (b) One-standard-error rule: among the most-active-centred configurations with B's
/// feature set whose mean is at least B's minus the standard error of their paired per-problem difference from B, the
/// largest λ; if none, B. (c) Boosted trees are not tried in the app (they never beat the linear ranker in the
/// evaluation and cost much more to fit). (d) The learned ranker is used only if its mean beats the a-priori product's
/// on the same windows. (e) The model used is fitted on every answered problem with the chosen configuration.
/// Below <see cref="MinimumAnsweredProblems"/> nothing is fitted: the a-priori product ranks.
/// </summary>
public static class RoutingModelSelection
{
    /// <summary>
    /// Answered public problems needed before a learned ranker is considered. The evaluation fitted on 437 training
    /// questions and still saw validation gains (+18 %) shrink to +5 % on test; with fewer than a few hundred problems
    /// the validation windows hold a few dozen problems each, too few to tell rankers apart.
    /// </summary>
    public const int MinimumAnsweredProblems = 300;

    /// <summary>Each validation window holds this share of the answered problems (the evaluation's windows were 123 questions of ~650).</summary>
    public const double WindowShare = 1.0 / 6;

    /// <summary>Validation windows, back to back, ending at the newest answered problem (as in the evaluation).</summary>
    public const int Windows = 2;

    /// <summary>The evaluation's λ grid (L2 penalty on standardised features, per answer).</summary>
    public static IReadOnlyList<double> Regularizations { get; } = [0.00001, 0.0001, 0.001, 0.01, 0.1, 1, 10];

    /// <summary>The features added in the evaluation's round 5; "round-4" is the full set without them.</summary>
    public static IReadOnlyList<string> Round5Features { get; } =
        ["contributions_90d", "contributions_365d", "topic_contributions_90d", "topic_contributions_365d", "credit_rate", "helped_by_asker"];

    private static readonly int MostActiveFeature = RoutingFeatures.Names.ToList().IndexOf("contributions");

    private static readonly (string Name, IReadOnlyList<string> Without)[] FeatureSets = [("all", []), ("round-4", Round5Features)];

    /// <summary>Applies the rule to <paramref name="examples"/> (oldest first), ranking with <paramref name="options"/>.</summary>
    internal static RoutingModelChoice Choose(IReadOnlyList<RoutingExample> examples, RoutingOptions options)
    {
        if (examples.Count < MinimumAnsweredProblems)
        {
            return new RoutingModelChoice(null, RoutingModelChoice.APriori, examples.Count, 0, 0, $"fewer than {MinimumAnsweredProblems} answered problems");
        }

        var rows = examples.Select(e => RoutingFeatures.Of(e.Signals, options)).ToList();
        var size = Math.Max(1, (int)(examples.Count * WindowShare));
        var windows = Enumerable.Range(0, Windows).Select(w => examples.Count - ((Windows - w) * size)).ToList(); // first index of each
        var apriori = Score(examples, windows, size, _ => null, options);

        var scored = new List<Scored>();
        foreach (var (features, without) in FeatureSets)
        {
            foreach (var centred in new[] { false, true })
            {
                foreach (var lambda in Regularizations)
                {
                    var spec = new Spec(features, without, centred, lambda);
                    var models = windows.Select(start => Fit(examples, rows, start, examples[start].At, spec)).ToList();
                    var (mean, rr) = Score(examples, windows, size, w => models[w], options);
                    scored.Add(new Scored(spec, mean, rr));
                }
            }
        }

        var best = scored.MaxBy(s => s.Mean)!;
        var chosen = scored.Where(s => s.Spec.Centred && s.Spec.Features == best.Spec.Features && s.Mean >= best.Mean - StandardError(best.Rr, s.Rr))
            .MaxBy(s => s.Spec.Regularization) ?? best;
        var configuration = $"{chosen.Spec.Features} features, centre {(chosen.Spec.Centred ? "most-active" : "zero")}, λ {chosen.Spec.Regularization}";
        if (chosen.Mean <= apriori.Mean)
        {
            return new RoutingModelChoice(null, RoutingModelChoice.APriori, examples.Count, apriori.Mean, chosen.Mean, $"learned ({configuration}) did not beat the a-priori product");
        }

        var model = Fit(examples, rows, examples.Count, DateTimeOffset.MaxValue, chosen.Spec);
        return new RoutingModelChoice(model, RoutingModelChoice.Learned, examples.Count, apriori.Mean, chosen.Mean, configuration);
    }

    /// <summary>Fits on the examples before index <paramref name="end"/>, labelled with answers before <paramref name="labelsBefore"/>.</summary>
    private static RoutingModel Fit(IReadOnlyList<RoutingExample> examples, List<double[][]> rows, int end, DateTimeOffset labelsBefore, Spec spec)
    {
        var dropped = RoutingFeatures.Names.Select((name, i) => (name, i)).Where(p => spec.Without.Contains(p.name)).Select(p => p.i).ToHashSet();
        var lists = new List<TrainingList>(end);
        for (var e = 0; e < end; e++)
        {
            var answered = examples[e].AnsweredBefore(labelsBefore);
            var candidates = examples[e].Signals.Candidates;
            var matrix = dropped.Count == 0 ? rows[e] : [.. rows[e].Select(r => r.Select((x, i) => dropped.Contains(i) ? 0 : x).ToArray())];
            lists.Add(new TrainingList(matrix, [.. Enumerable.Range(0, candidates.Count).Where(i => answered.Contains(candidates[i].Person))]));
        }

        var centre = spec.Centred
            ? RankerTraining.Fit([.. lists.Select(l => l with { Rows = [.. l.Rows.Select(r => r.Select((x, i) => i == MostActiveFeature ? x : 0).ToArray())] })], Regularizations[0])
            : null;
        return RankerTraining.Fit(lists, spec.Regularization, centre);
    }

    /// <summary>Mean of the windows' MRR and every window problem's reciprocal rank (window order); model null = a-priori.</summary>
    private static (double Mean, double[] Rr) Score(IReadOnlyList<RoutingExample> examples, List<int> windows, int size, Func<int, RoutingModel?> model, RoutingOptions options)
    {
        var rr = new List<double>();
        var mrr = new double[windows.Count];
        for (var w = 0; w < windows.Count; w++)
        {
            var ranked = options with { Model = model(w) };
            var ranks = examples.Skip(windows[w]).Take(size).Select(e => ReciprocalRank(Router.Rank(e.Signals, ranked), e.Answered)).ToList();
            mrr[w] = ranks.Average();
            rr.AddRange(ranks);
        }

        return (mrr.Average(), [.. rr]);
    }

    private static double ReciprocalRank(IReadOnlyList<RoutedCandidate> ranked, IReadOnlyDictionary<int, DateTimeOffset> answered)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            if (answered.ContainsKey(ranked[i].Person))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>Standard error of the mean paired difference of reciprocal ranks (the one-standard-error rule).</summary>
    private static double StandardError(double[] a, double[] b)
    {
        var d = a.Zip(b, (x, y) => x - y).ToArray();
        if (d.Length < 2)
        {
            return 0;
        }

        var mean = d.Average();
        return Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1) / d.Length);
    }

    private sealed record Spec(string Features, IReadOnlyList<string> Without, bool Centred, double Regularization);

    private sealed record Scored(Spec Spec, double Mean, double[] Rr);
}
