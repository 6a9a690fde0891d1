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
/// Chooses the app's ranker from its own answered problems with the evaluation's rule (<see cref="RankerSelection"/>,
/// docs/routing.md, round 5), on validation windows shaped like the evaluation's: the last 2 × <see cref="WindowShare"/>
/// of the answered problems in two back-to-back windows, each ranked by one model fitted on the problems before it with
/// the answers given before its first problem. Boosted trees are not tried in the app (they never beat the linear ranker
/// in the evaluation and cost much more to fit); the learned ranker is used only if it beats the a-priori product on the
/// same windows. Below <see cref="MinimumAnsweredProblems"/> nothing is fitted: the a-priori product ranks.
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

    /// <summary>Applies the rule to <paramref name="examples"/> (oldest first), ranking with <paramref name="options"/>.</summary>
    internal static RoutingModelChoice Choose(IReadOnlyList<RoutingExample> examples, RoutingOptions options)
    {
        if (examples.Count < MinimumAnsweredProblems)
        {
            return new RoutingModelChoice(null, RoutingModelChoice.APriori, examples.Count, 0, 0, $"fewer than {MinimumAnsweredProblems} answered problems");
        }

        var size = Math.Max(1, (int)(examples.Count * WindowShare));
        var windows = Enumerable.Range(0, Windows).Select(w => examples.Count - ((Windows - w) * size))
            .Select(start => new RankerWindow(start, examples[start].At, [.. Enumerable.Range(start, size)])).ToList();
        var choice = new RankerSelection([.. examples.Select(e => new RankerExample(e.Signals, e.Answered))], windows, options, RankerSelectionOptions.LinearOnly).Choose();
        var chosen = choice.Chosen.Configuration!;
        var configuration = $"{chosen.Features} features, centre {chosen.Centre}, λ {chosen.Regularization}";
        return choice.UseLearned
            ? new RoutingModelChoice(choice.Model, RoutingModelChoice.Learned, examples.Count, choice.APriori.Mean, choice.Chosen.Mean, configuration)
            : new RoutingModelChoice(null, RoutingModelChoice.APriori, examples.Count, choice.APriori.Mean, choice.Chosen.Mean, $"learned ({configuration}) did not beat the a-priori product");
    }
}
