using System.Text.Json.Serialization;
using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// The learned ranker (<see cref="RankerTraining"/>) and the decision between it and the a-priori product, made on the
/// rolling-origin validation blocks only. For each block, the ranker is fitted on every training question asked before
/// the block's first question, labelled only with answers posted before it (features are measured on data before each
/// question, as always), and scores the block. λ is chosen from <see cref="Regularizations"/> by mean block MRR; the
/// learned ranker is the Rapport method if that mean beats the a-priori product's chosen grid point, fixed as the rule
/// before any run. The model used on test is fitted once on all training questions (labels before the test cut-off)
/// with the chosen λ. The test part is never read here.
/// </summary>
internal sealed class RoutingLearning
{
    /// <summary>L2 penalties tried (on standardised features, per answer): from barely to strongly regularised.</summary>
    public static readonly double[] Regularizations = [0.00001, 0.0001, 0.001, 0.01, 0.1];

    private readonly List<RoutingCase> training;
    private readonly IReadOnlyList<IReadOnlyList<SiteQuestion>> blocks;
    private readonly RoutingOptions options;
    private readonly Dictionary<int, double[][]> rows = [];

    /// <param name="training">Every training question's case, labelled with answers before the test cut-off.</param>
    /// <param name="blocks">The validation blocks' questions, in time order.</param>
    /// <param name="options">The options that define the features (the a-priori model's chosen ones).</param>
    /// <param name="without">Features left out (an ablation: their columns are zero, so they get weight 0).</param>
    public RoutingLearning(List<RoutingCase> training, IReadOnlyList<IReadOnlyList<SiteQuestion>> blocks, RoutingOptions options, IReadOnlyCollection<string>? without = null)
    {
        this.training = training;
        this.blocks = blocks;
        this.options = options;
        var dropped = RoutingFeatures.Names.Select((name, i) => (name, i)).Where(p => without?.Contains(p.name) == true).Select(p => p.i).ToList();
        foreach (var c in training)
        {
            var matrix = RoutingFeatures.Of(c.Signals, options);
            foreach (var row in matrix)
            {
                dropped.ForEach(i => row[i] = 0);
            }

            rows[c.Question.Id] = matrix;
        }
    }

    /// <summary>Training questions someone other than the asker answered before the test cut-off.</summary>
    public int TrainingQuestions => training.Count;

    /// <summary>Each λ's block MRRs and mean, the chosen one marked.</summary>
    public List<LearningPoint> Grid { get; } = [];

    /// <summary>The model each validation block was scored with (chosen λ), by question id.</summary>
    public Dictionary<int, RoutingModel> BlockModels { get; } = [];

    /// <summary>The validation cases, in block order (the training cases of the block questions).</summary>
    public List<RoutingCase> ValidationCases => [.. blocks.SelectMany(b => b).Select(q => q.Id).Select(id => training.Find(c => c.Question.Id == id)).OfType<RoutingCase>()];

    /// <summary>Chooses λ on the blocks; returns it with the mean block MRR.</summary>
    public (double Regularization, double MeanMrr) Validate()
    {
        var best = (Regularization: Regularizations[0], Mean: double.NegativeInfinity, Index: -1, Models: new Dictionary<int, RoutingModel>());
        foreach (var lambda in Regularizations)
        {
            var (models, blockMrr) = Rolling(lambda);
            var mean = blockMrr.Count == 0 ? 0 : blockMrr.Average();
            Grid.Add(new LearningPoint(lambda, [.. blockMrr.Select(m => Math.Round(m, 4))], Math.Round(mean, 4), false));
            if (mean > best.Mean)
            {
                best = (lambda, mean, Grid.Count - 1, models);
            }
        }

        Grid[best.Index] = Grid[best.Index] with { Chosen = true };
        foreach (var (id, model) in best.Models)
        {
            BlockModels[id] = model;
        }

        return (best.Regularization, best.Mean);
    }

    /// <summary>With a given λ (no choice): each block scored by the model fitted before it; the models are kept for <see cref="RollingMethod"/>.</summary>
    public double Validate(double lambda)
    {
        var (models, blockMrr) = Rolling(lambda);
        foreach (var (id, model) in models)
        {
            BlockModels[id] = model;
        }

        return blockMrr.Count == 0 ? 0 : blockMrr.Average();
    }

    private (Dictionary<int, RoutingModel> Models, List<double> BlockMrr) Rolling(double lambda)
    {
        var blockMrr = new List<double>();
        var models = new Dictionary<int, RoutingModel>();
        foreach (var block in blocks.Where(b => b.Count > 0))
        {
            var origin = block[0].Created;
            var model = Fit(training.Where(c => c.Question.Created < origin), origin, lambda);
            var ids = block.Select(q => q.Id).ToHashSet();
            var cases = training.Where(c => ids.Contains(c.Question.Id)).ToList();
            cases.ForEach(c => models[c.Question.Id] = model);
            blockMrr.Add(RoutingMetrics.Measure(Method(model), cases).Mrr);
        }

        return (models, blockMrr);
    }

    /// <summary>The model fitted on every training question, labels before the test cut-off.</summary>
    public RoutingModel FitAll(double regularization) => Fit(training, DateTimeOffset.MaxValue, regularization);

    /// <summary>The Rapport method with <paramref name="model"/>.</summary>
    public RoutingMethod Method(RoutingModel model, string name = "rapport") => RoutingMethod.Rapport(options with { Model = model }, name);

    /// <summary>The Rapport method on the validation cases: each block ranked by the model fitted before it.</summary>
    public RoutingMethod RollingMethod(string name) =>
        new(name, c => [.. Router.Rank(c.Signals, options with { Model = BlockModels[c.Question.Id] }).Select(r => r.Person)]);

    private RoutingModel Fit(IEnumerable<RoutingCase> cases, DateTimeOffset labelsBefore, double lambda)
    {
        var lists = new List<TrainingList>();
        foreach (var c in cases)
        {
            var answered = c.AnswerersBefore(labelsBefore);
            var candidates = c.Signals.Candidates;
            lists.Add(new TrainingList(rows[c.Question.Id], [.. Enumerable.Range(0, candidates.Count).Where(i => answered.Contains(candidates[i].Person))]));
        }

        return RankerTraining.Fit(lists, lambda);
    }
}

/// <summary>Groups of features the learned ranker is refitted without (ablations, diagnostics only).</summary>
internal static class FeatureGroups
{
    public static readonly IReadOnlyList<(string Name, string[] Features)> Ablations =
    [
        ("no-trust", ["closeness", "helped_asker"]),
        ("no-text", ["text"]),
        ("no-topics", ["profile", "profile_sharp", "topic_work", "topic_contributions_7d", "topic_contributions_30d"]),
        ("no-recency", ["contributions_1d", "contributions_7d", "contributions_30d", "activity", "idle_hours", "idle_hours_contribution", "topic_contributions_7d", "topic_contributions_30d"]),
        ("no-quality", ["credit", "thanks"]),
    ];
}

/// <summary>One λ of the learned ranker's validation: each block's MRR, their mean, whether it was chosen.</summary>
internal sealed record LearningPoint(
    [property: JsonPropertyName("regularization")] double Regularization,
    [property: JsonPropertyName("block_mrr")] IReadOnlyList<double> BlockMrr,
    [property: JsonPropertyName("mean_mrr")] double MeanMrr,
    [property: JsonPropertyName("chosen")] bool Chosen);

/// <summary>The learned ranker in the report: the validation of λ, the decision, and the weights used on test.</summary>
internal sealed record LearnedRanker(
    [property: JsonPropertyName("used")] bool Used,
    [property: JsonPropertyName("a_priori_mean_mrr")] double APrioriMeanMrr,
    [property: JsonPropertyName("learned_mean_mrr")] double LearnedMeanMrr,
    [property: JsonPropertyName("regularization")] double Regularization,
    [property: JsonPropertyName("training_questions")] int TrainingQuestions,
    [property: JsonPropertyName("weights")] IReadOnlyDictionary<string, double> Weights,
    [property: JsonPropertyName("validation")] IReadOnlyList<LearningPoint> Validation);
