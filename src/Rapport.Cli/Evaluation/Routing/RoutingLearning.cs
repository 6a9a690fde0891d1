using System.Text.Json.Serialization;
using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// The learned ranker in the evaluation: the selection rule of the engine (<see cref="RankerSelection"/>, with boosted
/// trees, docs/routing.md, fixed before any test run) on the validation windows only (<see cref="ValidationWindows"/>:
/// shaped like the test). For each window, a model is fitted on every training question asked before the window's first
/// question, labelled only with answers posted before it (features are measured on data before each question, as always),
/// and scores the whole window, as the test is scored by one model fitted before it. The model used on test is fitted
/// once on all training questions (labels before the test cut-off) in the chosen configuration. The test part is never read here.
/// </summary>
internal sealed class RoutingLearning
{
    private readonly List<RoutingCase> training;
    private readonly IReadOnlyList<IReadOnlyList<SiteQuestion>> windows;
    private readonly RoutingOptions options;
    private readonly RankerSelection selection;

    /// <param name="training">Every training question's case, labelled with answers before the test cut-off.</param>
    /// <param name="windows">The validation windows' questions, in time order.</param>
    /// <param name="options">The options that define the features (the a-priori model's chosen ones).</param>
    public RoutingLearning(List<RoutingCase> training, IReadOnlyList<IReadOnlyList<SiteQuestion>> windows, RoutingOptions options)
    {
        this.training = training;
        this.windows = windows;
        this.options = options;
        var rankerWindows = windows.Select(w => w.Select(q => q.Id).ToHashSet()).Zip(windows, (ids, w) => new RankerWindow(
            training.Count(c => c.Question.Created < w[0].Created), w[0].Created,
            [.. training.Select((c, i) => (c, i)).Where(p => ids.Contains(p.c.Question.Id)).Select(p => p.i)])).ToList();
        selection = new RankerSelection([.. training.Select(c => new RankerExample(c.Signals, c.FirstAnswers))], rankerWindows, options, RankerSelectionOptions.WithTreesAndRefits);
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
    /// Scores every configuration on the windows and applies the rule; returns the choice and the model each window was
    /// scored with (by question id, for the validation rows).
    /// </summary>
    public (RankerChoice Choice, Dictionary<int, RoutingModel> Models) Choose()
    {
        var choice = selection.Choose();
        var chosen = choice.Chosen.Configuration!;
        foreach (var s in choice.Configurations.Append(choice.Refitted).OfType<RankerScore>())
        {
            var spec = s.Configuration!;
            Configurations.Add(new LearningConfiguration(spec.Features, spec.Centre, spec.Regularization, spec.Trees, spec.Depth,
                [.. s.WindowMrr.Select(Round)], Round(s.Mean), Round(s.ReciprocalRanks.Average()), ReferenceEquals(s, choice.Chosen))
            {
                RefitDays = s.RefitEvery?.TotalDays,
            });
        }

        foreach (var s in choice.Configurations.Where(s => s.Configuration!.Trees == 0 && s.Configuration.Features == chosen.Features && s.Configuration.Centre == chosen.Centre))
        {
            Grid.Add(new LearningPoint(s.Configuration!.Regularization, [.. s.WindowMrr.Select(Round)], Round(s.Mean), s.Configuration.Regularization == chosen.Regularization));
        }

        return (choice, ByQuestion(choice.Chosen));
    }

    /// <summary>One configuration scored on the windows: its mean, and each validation question's model (by question id).</summary>
    public (double Mean, Dictionary<int, RoutingModel> Models) Rolling(RankerConfiguration spec)
    {
        var score = selection.Score(spec);
        return (score.Mean, ByQuestion(score));
    }

    /// <summary>One configuration scored on the windows with the model refitted every <paramref name="period"/> (rule (f)'s protocol): its mean and each validation question's model.</summary>
    public (double Mean, Dictionary<int, RoutingModel> Models) Refitted(RankerConfiguration spec, TimeSpan period)
    {
        var score = selection.Score(spec, period);
        return (score.Mean, ByQuestion(score));
    }

    /// <summary>
    /// The test ranked as the app ranks (rule (f)'s protocol): the test questions asked in [c + k·p, c + (k + 1)·p) (c the
    /// cut-off) by the model of <paramref name="spec"/> fitted on every question asked before c + k·p, labelled with the
    /// answers given before c + k·p (k = 0: the model fitted at the cut-off). <paramref name="all"/> are every question's
    /// cases (training and test, in time order) with all their answers; the labels are cut per refit.
    /// </summary>
    public Dictionary<int, RoutingModel> RefittedOnTest(List<RoutingCase> all, DateTimeOffset cutoff, RankerConfiguration spec, TimeSpan period)
    {
        var scored = all.Select((c, i) => (c, i)).Where(p => p.c.Question.Created >= cutoff).Select(p => p.i).ToList();
        var test = new RankerSelection([.. all.Select(c => new RankerExample(c.Signals, c.FirstAnswers))],
            [new RankerWindow(all.Count(c => c.Question.Created < cutoff), cutoff, scored)], options, RankerSelectionOptions.LinearOnly);
        var models = test.Score(spec, period).ExampleModels;
        return scored.Select((e, k) => (all[e].Question.Id, Model: models[k]!)).ToDictionary(p => p.Id, p => p.Model);
    }

    /// <summary>The model fitted on every training question, labels before the test cut-off.</summary>
    public RoutingModel FitAll(RankerConfiguration spec) => selection.Fit(spec);

    /// <summary>The Rapport method with <paramref name="model"/>.</summary>
    public RoutingMethod Method(RoutingModel model, string name = "rapport") => RoutingMethod.Rapport(options with { Model = model }, name);

    /// <summary>The Rapport method on the validation cases: each window ranked by its own model (<paramref name="models"/>, by question id).</summary>
    public RoutingMethod RollingMethod(string name, IReadOnlyDictionary<int, RoutingModel> models) =>
        new(name, c => [.. Router.Rank(c.Signals, options with { Model = models[c.Question.Id] }).Select(r => r.Person)]);

    private Dictionary<int, RoutingModel> ByQuestion(RankerScore score)
    {
        var models = new Dictionary<int, RoutingModel>();
        var cases = WindowCases.SelectMany(w => w).ToList();
        for (var i = 0; i < cases.Count; i++)
        {
            models[cases[i].Question.Id] = score.ExampleModels[i]!;
        }

        return models;
    }

    private static double Round(double value) => Math.Round(value, 4);
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
        ("no-trust", ["closeness", "helped_asker", "helped_by_asker", .. RankerSelection.Round7Features]),
        ("no-text", ["text"]),
        ("no-topics", ["profile", "profile_sharp", "topic_work", "topic_contributions_7d", "topic_contributions_30d", "topic_contributions_90d", "topic_contributions_365d"]),
        ("no-recency", ["contributions_1d", "contributions_7d", "contributions_30d", "contributions_90d", "contributions_365d", "activity", "idle_hours", "idle_hours_contribution",
            "topic_contributions_7d", "topic_contributions_30d", "topic_contributions_90d", "topic_contributions_365d"]),
        ("no-quality", ["credit", "thanks", "credit_rate"]),
    ];

    /// <summary>
    /// The per-feature validation ablation: each round-5 feature added alone to round 4's set ("with-X") and removed
    /// alone from round 5's 24 ("without-X"); since round 7 each round-7 feature added alone to round 4's set.
    /// </summary>
    public static IEnumerable<(string Name, string[] Without)> Single =>
        RankerSelection.Round5Features.Select(f => ($"with-{f}", RankerSelection.Round5Features.Where(g => g != f).Concat(RankerSelection.Round7Features).ToArray()))
            .Concat(RankerSelection.Round5Features.Select(f => ($"without-{f}", RankerSelection.Round7Features.Prepend(f).ToArray())))
            .Concat(RankerSelection.Round7Features.Select(f => ($"with-{f}", RankerSelection.Round5Features.Concat(RankerSelection.Round7Features.Where(g => g != f)).ToArray())));
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
    [property: JsonPropertyName("chosen")] bool Chosen)
{
    /// <summary>The refit period in days inside each window (rule (f), round 6); null: one model per window.</summary>
    [JsonPropertyName("refit_days")] public double? RefitDays { get; init; }
}

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
    [JsonPropertyName("centre")] public string Centre { get; init; } = RankerSelection.ZeroCentre;

    /// <summary>Trees on top of the linear ranker (0: linear) and their depth.</summary>
    [JsonPropertyName("trees")] public int Trees { get; init; }

    [JsonPropertyName("depth")] public int Depth { get; init; }

    /// <summary>The refit period in days used on test (round 6, rule (f)); null: one model fitted at the cut-off.</summary>
    [JsonPropertyName("refit_days")] public double? RefitDays { get; init; }

    /// <summary>Mean window MRR of the chosen configuration with one model per window and refitted daily (rule (f)).</summary>
    [JsonPropertyName("static_mean_mrr")] public double? StaticMeanMrr { get; init; }

    [JsonPropertyName("refitted_mean_mrr")] public double? RefittedMeanMrr { get; init; }

    /// <summary>Rule (g), round 6: each window's and the mean MRR of the learned ranker fused with most-active (reciprocal ranks, k = 60), and whether the fusion is the Rapport method.</summary>
    [JsonPropertyName("fusion_block_mrr")] public IReadOnlyList<double> FusionWindowMrr { get; init; } = [];

    [JsonPropertyName("fusion_mean_mrr")] public double FusionMeanMrr { get; init; }

    [JsonPropertyName("fused")] public bool Fused { get; init; }

    /// <summary>Every configuration scored on the validation windows.</summary>
    [JsonPropertyName("configurations")] public IReadOnlyList<LearningConfiguration> Configurations { get; init; } = [];

    /// <summary>Per-feature validation ablation (chosen λ and centre): "with-X" = round 4's features plus X, "without-X" = all features but X; mean MRR over the windows.</summary>
    [JsonPropertyName("feature_ablation")] public IReadOnlyDictionary<string, double> FeatureAblation { get; init; } = new Dictionary<string, double>();
}
