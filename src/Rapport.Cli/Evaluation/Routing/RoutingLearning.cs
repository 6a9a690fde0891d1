using System.Text.Json.Serialization;
using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// The learned ranker (<see cref="RankerTraining"/>, optionally with <see cref="RankerBoosting"/> trees on top) and the
/// choice of its form, made on the validation windows only (<see cref="ValidationWindows"/>: shaped like the test). For
/// each window, a model is fitted on every training question asked before the window's first question, labelled only
/// with answers posted before it (features are measured on data before each question, as always), and scores the whole
/// window, as the test is scored by one model fitted before it. Each configuration (<see cref="Configurations"/>) gets
/// the mean of the windows' MRR; the rule (docs/routing.md, fixed before any test run): the best mean among the linear
/// rankers; a boosted one replaces it only if its mean is higher by more than <see cref="ComplexityMargin"/>. The model
/// used on test is fitted once on all training questions (labels before the test cut-off) in the chosen configuration.
/// The test part is never read here.
/// </summary>
internal sealed class RoutingLearning
{
    /// <summary>L2 penalties tried (on standardised features, per answer): from barely regularised to (nearly) the centre model.</summary>
    public static readonly double[] Regularizations = [0.00001, 0.0001, 0.001, 0.01, 0.1, 1, 10];

    /// <summary>Centre of the penalty: 0 (shrink toward a flat ranking), or the most-active ranking (a logit on "contributions" alone).</summary>
    public const string ZeroCentre = "zero";

    /// <inheritdoc cref="ZeroCentre"/>
    public const string MostActiveCentre = "most-active";

    /// <summary>The penalty centres tried.</summary>
    public static readonly string[] Centres = [ZeroCentre, MostActiveCentre];

    /// <summary>The column of the most-active feature (ln(1 + contributions so far)).</summary>
    public static readonly int MostActiveFeature = RoutingFeatures.Names.ToList().IndexOf("contributions");

    /// <summary>Tree counts tried for the boosted ranker (prefixes of one fit of the largest).</summary>
    public static readonly int[] TreeCounts = [25, 50, 100, 200];

    /// <summary>Tree depths tried for the boosted ranker.</summary>
    public static readonly int[] TreeDepths = [2, 3];

    /// <summary>A boosted ranker must beat the best linear one by more than this mean validation MRR to be chosen.</summary>
    public const double ComplexityMargin = 0.005;

    /// <summary>The features added in round 5; "round-4 features" is the full set without them.</summary>
    public static readonly string[] Round5Features =
        ["contributions_90d", "contributions_365d", "topic_contributions_90d", "topic_contributions_365d", "credit_rate", "helped_by_asker"];

    /// <summary>The feature sets tried: all, and round 4's (without <see cref="Round5Features"/>).</summary>
    public static readonly (string Name, string[] Without)[] FeatureSets = [("all", []), ("round-4", Round5Features)];

    private readonly List<RoutingCase> training;
    private readonly IReadOnlyList<IReadOnlyList<SiteQuestion>> windows;
    private readonly RoutingOptions options;
    private readonly Dictionary<int, double[][]> rows = [];

    /// <param name="training">Every training question's case, labelled with answers before the test cut-off.</param>
    /// <param name="windows">The validation windows' questions, in time order.</param>
    /// <param name="options">The options that define the features (the a-priori model's chosen ones).</param>
    public RoutingLearning(List<RoutingCase> training, IReadOnlyList<IReadOnlyList<SiteQuestion>> windows, RoutingOptions options)
    {
        this.training = training;
        this.windows = windows;
        this.options = options;
        foreach (var c in training)
        {
            rows[c.Question.Id] = RoutingFeatures.Of(c.Signals, options);
        }
    }

    /// <summary>Training questions someone other than the asker answered before the test cut-off.</summary>
    public int TrainingQuestions => training.Count;

    /// <summary>The validation cases, in window order (the training cases of the windows' questions).</summary>
    public List<RoutingCase> ValidationCases
    {
        get
        {
            var byId = training.ToDictionary(c => c.Question.Id);
            return [.. windows.SelectMany(w => w).Select(q => byId.GetValueOrDefault(q.Id)).OfType<RoutingCase>()];
        }
    }

    /// <summary>The validation cases of each window.</summary>
    public List<List<RoutingCase>> WindowCases => [.. windows.Select(w => w.Select(q => q.Id).ToHashSet()).Select(ids => training.Where(c => ids.Contains(c.Question.Id)).ToList())];

    /// <summary>Every configuration scored, in order, the chosen one marked (after <see cref="Choose"/>).</summary>
    public List<LearningConfiguration> Configurations { get; } = [];

    /// <summary>The linear ranker's λ grid for the chosen feature set (the report's <c>learned.validation</c>).</summary>
    public List<LearningPoint> Grid { get; } = [];

    /// <summary>
    /// Scores every configuration on the windows and applies the rule; returns the chosen one with its mean and the
    /// model each window was scored with (by question id, for the validation rows).
    /// </summary>
    public (LearnerSpec Spec, double MeanMrr, Dictionary<int, RoutingModel> Models) Choose()
    {
        var scored = new List<Scored>();
        foreach (var features in FeatureSets)
        {
            foreach (var centre in Centres)
            {
                foreach (var lambda in Regularizations)
                {
                    scored.Add(Rolling(new LearnerSpec(features.Name, features.Without, lambda, 0, 0) { Centre = centre }));
                }
            }
        }

        var best = scored.MaxBy(s => s.Mean)!;
        var linear = scored.Where(s => s.Spec.Centre == MostActiveCentre && s.Spec.Features == best.Spec.Features && s.Mean >= best.Mean - StandardError(best, s))
            .MaxBy(s => s.Spec.Regularization) ?? best;
        foreach (var depth in TreeDepths)
        {
            var fitted = windows.Select(w => Fit(Before(w), w[0].Created, linear.Spec with { Trees = TreeCounts[^1], Depth = depth })).ToList();
            foreach (var trees in TreeCounts)
            {
                scored.Add(Score(linear.Spec with { Trees = trees, Depth = depth }, [.. fitted.Select(m => m.WithTrees(trees))]));
            }
        }

        var boosted = scored.Where(s => s.Spec.Trees > 0).MaxBy(s => s.Mean)!;
        var chosen = boosted.Mean > linear.Mean + ComplexityMargin ? boosted : linear;
        foreach (var s in scored)
        {
            Configurations.Add(new LearningConfiguration(s.Spec.Features, s.Spec.Centre, s.Spec.Regularization, s.Spec.Trees, s.Spec.Depth,
                [.. s.Mrr.Select(Round)], Round(s.Mean), Round(s.Rr.Average()), s.Spec == chosen.Spec));
        }

        foreach (var s in scored.Where(s => s.Spec.Trees == 0 && s.Spec.Features == chosen.Spec.Features && s.Spec.Centre == chosen.Spec.Centre))
        {
            Grid.Add(new LearningPoint(s.Spec.Regularization, [.. s.Mrr.Select(Round)], Round(s.Mean), s.Spec.Regularization == chosen.Spec.Regularization));
        }

        return (chosen.Spec, chosen.Mean, chosen.Models);
    }

    /// <summary>One configuration scored on the windows: each window's MRR, each validation question's reciprocal rank (pooled, window order), each question's model.</summary>
    public Scored Rolling(LearnerSpec spec) => Score(spec, [.. windows.Select(w => Fit(Before(w), w[0].Created, spec))]);

    /// <summary>Standard error of the mean paired difference of reciprocal ranks between two configurations (the one-standard-error rule).</summary>
    internal static double StandardError(Scored a, Scored b)
    {
        var d = a.Rr.Zip(b.Rr, (x, y) => x - y).ToArray();
        if (d.Length < 2)
        {
            return 0;
        }

        var mean = d.Average();
        return Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1) / d.Length);
    }

    /// <summary>The model fitted on every training question, labels before the test cut-off.</summary>
    public RoutingModel FitAll(LearnerSpec spec) => Fit(training, DateTimeOffset.MaxValue, spec);

    /// <summary>The Rapport method with <paramref name="model"/>.</summary>
    public RoutingMethod Method(RoutingModel model, string name = "rapport") => RoutingMethod.Rapport(options with { Model = model }, name);

    /// <summary>The Rapport method on the validation cases: each window ranked by its own model (<paramref name="models"/>, by question id).</summary>
    public RoutingMethod RollingMethod(string name, IReadOnlyDictionary<int, RoutingModel> models) =>
        new(name, c => [.. Router.Rank(c.Signals, options with { Model = models[c.Question.Id] }).Select(r => r.Person)]);

    private Scored Score(LearnerSpec spec, List<RoutingModel> perWindow)
    {
        var models = new Dictionary<int, RoutingModel>();
        var mrr = new double[windows.Count];
        var rr = new List<double>();
        var cases = WindowCases;
        for (var w = 0; w < windows.Count; w++)
        {
            var method = Method(perWindow[w]);
            var ranks = cases[w].Select(c => RoutingMetrics.ReciprocalRank(method.Rank(c), c.Answerers.Contains)).ToList();
            cases[w].ForEach(c => models[c.Question.Id] = perWindow[w]);
            mrr[w] = ranks.Count == 0 ? 0 : ranks.Average();
            rr.AddRange(ranks);
        }

        return new Scored(spec, mrr, [.. rr], models);
    }

    private IEnumerable<RoutingCase> Before(IReadOnlyList<SiteQuestion> window) => training.Where(c => c.Question.Created < window[0].Created);

    private RoutingModel Fit(IEnumerable<RoutingCase> cases, DateTimeOffset labelsBefore, LearnerSpec spec)
    {
        var dropped = RoutingFeatures.Names.Select((name, i) => (name, i)).Where(p => spec.Without.Contains(p.name)).Select(p => p.i).ToList();
        var lists = new List<TrainingList>();
        foreach (var c in cases)
        {
            var answered = c.AnswerersBefore(labelsBefore);
            var candidates = c.Signals.Candidates;
            var matrix = rows[c.Question.Id];
            if (dropped.Count > 0)
            {
                matrix = [.. matrix.Select(r => r.Select((x, i) => dropped.Contains(i) ? 0 : x).ToArray())];
            }

            lists.Add(new TrainingList(matrix, [.. Enumerable.Range(0, candidates.Count).Where(i => answered.Contains(candidates[i].Person))]));
        }

        var centre = spec.Centre == MostActiveCentre
            ? RankerTraining.Fit([.. lists.Select(l => l with { Rows = [.. l.Rows.Select(r => r.Select((x, i) => i == MostActiveFeature ? x : 0).ToArray())] })], Regularizations[0])
            : null;
        var linear = RankerTraining.Fit(lists, spec.Regularization, centre);
        return spec.Trees == 0 ? linear : RankerBoosting.Fit(lists, linear, BoostingOptions.Default with { Trees = spec.Trees, Depth = spec.Depth });
    }

    private static double Round(double value) => Math.Round(value, 4);
}

/// <summary>One learned-ranker configuration: feature set (name, and the features left out), λ, trees (0: linear) and their depth.</summary>
internal sealed record LearnerSpec(string Features, IReadOnlyCollection<string> Without, double Regularization, int Trees, int Depth)
{
    /// <summary>Centre of the L2 penalty (<see cref="RoutingLearning.ZeroCentre"/> or <see cref="RoutingLearning.MostActiveCentre"/>).</summary>
    public string Centre { get; init; } = RoutingLearning.ZeroCentre;

    /// <summary>The same configuration without <paramref name="more"/> features as well.</summary>
    public LearnerSpec Dropping(IEnumerable<string> more, string name) => this with { Features = name, Without = [.. Without.Union(more)] };

    /// <inheritdoc/>
    public bool Equals(LearnerSpec? other) =>
        other is not null && Features == other.Features && Centre == other.Centre && Regularization.Equals(other.Regularization) && Trees == other.Trees && Depth == other.Depth;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Features, Centre, Regularization, Trees, Depth);
}

/// <summary>A configuration scored on the validation windows: each window's MRR and their mean, each question's reciprocal rank (pooled), each question's model.</summary>
internal sealed record Scored(LearnerSpec Spec, double[] Mrr, double[] Rr, Dictionary<int, RoutingModel> Models)
{
    public double Mean => Mrr.Length == 0 ? 0 : Mrr.Average();
}

/// <summary>
/// The validation windows, shaped like the test: as many questions as the test part (in time order, all questions), laid
/// back to back ending at the test cut-off, at most <see cref="Count"/> of them and always leaving at least one window's
/// worth of training questions before the first. Each is scored by one model fitted before it, as the test is.
/// </summary>
internal static class ValidationWindows
{
    public const int Count = 2;

    public static IReadOnlyList<IReadOnlyList<SiteQuestion>> Of(IReadOnlyList<SiteQuestion> training, int testQuestions)
    {
        var size = Math.Max(1, Math.Min(testQuestions, training.Count / 2));
        var count = Math.Max(1, Math.Min(Count, (training.Count / size) - 1));
        var first = training.Count - (count * size);
        return [.. Enumerable.Range(0, count).Select(w => (IReadOnlyList<SiteQuestion>)[.. training.Skip(first + (w * size)).Take(size)])];
    }
}

/// <summary>Groups of features the learned ranker is refitted without (ablations, diagnostics only).</summary>
internal static class FeatureGroups
{
    public static readonly IReadOnlyList<(string Name, string[] Features)> Ablations =
    [
        ("no-trust", ["closeness", "helped_asker", "helped_by_asker"]),
        ("no-text", ["text"]),
        ("no-topics", ["profile", "profile_sharp", "topic_work", "topic_contributions_7d", "topic_contributions_30d", "topic_contributions_90d", "topic_contributions_365d"]),
        ("no-recency", ["contributions_1d", "contributions_7d", "contributions_30d", "contributions_90d", "contributions_365d", "activity", "idle_hours", "idle_hours_contribution",
            "topic_contributions_7d", "topic_contributions_30d", "topic_contributions_90d", "topic_contributions_365d"]),
        ("no-quality", ["credit", "thanks", "credit_rate"]),
    ];

    /// <summary>Each round-5 feature alone (the per-feature validation ablation).</summary>
    public static IEnumerable<(string Name, string[] Without)> Single =>
        RoutingLearning.Round5Features.Select(f => ($"with-{f}", RoutingLearning.Round5Features.Where(g => g != f).ToArray()))
            .Concat(RoutingLearning.Round5Features.Select(f => ($"without-{f}", new[] { f })));
}

/// <summary>One λ of the learned ranker's validation: each window's MRR, their mean, whether it was chosen.</summary>
internal sealed record LearningPoint(
    [property: JsonPropertyName("regularization")] double Regularization,
    [property: JsonPropertyName("block_mrr")] IReadOnlyList<double> BlockMrr,
    [property: JsonPropertyName("mean_mrr")] double MeanMrr,
    [property: JsonPropertyName("chosen")] bool Chosen);

/// <summary>One configuration of the learned ranker on the validation windows.</summary>
internal sealed record LearningConfiguration(
    [property: JsonPropertyName("features")] string Features,
    [property: JsonPropertyName("centre")] string Centre,
    [property: JsonPropertyName("regularization")] double Regularization,
    [property: JsonPropertyName("trees")] int Trees,
    [property: JsonPropertyName("depth")] int Depth,
    [property: JsonPropertyName("block_mrr")] IReadOnlyList<double> BlockMrr,
    [property: JsonPropertyName("mean_mrr")] double MeanMrr,
    [property: JsonPropertyName("pooled_mrr")] double PooledMrr,
    [property: JsonPropertyName("chosen")] bool Chosen);

/// <summary>The learned ranker in the report: the validation of its configurations, the decision, and the model used on test.</summary>
internal sealed record LearnedRanker(
    [property: JsonPropertyName("used")] bool Used,
    [property: JsonPropertyName("a_priori_mean_mrr")] double APrioriMeanMrr,
    [property: JsonPropertyName("learned_mean_mrr")] double LearnedMeanMrr,
    [property: JsonPropertyName("regularization")] double Regularization,
    [property: JsonPropertyName("training_questions")] int TrainingQuestions,
    [property: JsonPropertyName("weights")] IReadOnlyDictionary<string, double> Weights,
    [property: JsonPropertyName("validation")] IReadOnlyList<LearningPoint> Validation)
{
    /// <summary>The chosen feature set ("all" or "round-4").</summary>
    [JsonPropertyName("features")] public string Features { get; init; } = "all";

    /// <summary>Centre of the chosen L2 penalty.</summary>
    [JsonPropertyName("centre")] public string Centre { get; init; } = RoutingLearning.ZeroCentre;

    /// <summary>Trees on top of the linear ranker (0: linear) and their depth.</summary>
    [JsonPropertyName("trees")] public int Trees { get; init; }

    [JsonPropertyName("depth")] public int Depth { get; init; }

    /// <summary>Every configuration scored on the validation windows.</summary>
    [JsonPropertyName("configurations")] public IReadOnlyList<LearningConfiguration> Configurations { get; init; } = [];

    /// <summary>Per-feature validation ablation (chosen λ and centre): "with-X" = round 4's features plus X, "without-X" = all features but X; mean MRR over the windows.</summary>
    [JsonPropertyName("feature_ablation")] public IReadOnlyDictionary<string, double> FeatureAblation { get; init; } = new Dictionary<string, double>();
}
