using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

public sealed class RankerBoostingTests
{
    private static readonly int TopicWork = RoutingFeatures.Names.ToList().IndexOf("topic_work");
    private static readonly int IdleHours = RoutingFeatures.Names.ToList().IndexOf("idle_hours");

    [Fact]
    public void Fit_LearnsWhatALinearRankerCannot_TheMiddleOfThreeWins()
    {
        // Every problem has three candidates with topic_work 0, 1 and 2, and the middle one answered. No linear weight puts
        // the middle first (w·1 is never above both w·0 and w·2), so the logit can only make the three nearly equal; trees
        // split at 0 and at 1 and put the middle first in every list.
        List<TrainingList> lists = [.. Enumerable.Range(0, 6).Select(_ => Three(answered: 1))];
        var linear = RankerTraining.Fit(lists, regularization: 0.01);

        var boosted = RankerBoosting.Fit(lists, linear, BoostingOptions.Default with { Trees = 20, Depth = 2 });

        var rows = Three(answered: 1).Rows;
        var scores = rows.Select(boosted.Score).ToArray();
        Assert.True(scores[1] > scores[0] && scores[1] > scores[2], string.Join(", ", scores));
        Assert.Equal(20, boosted.Trees.Count);
        Assert.Equal(linear.Weights, boosted.Weights);
        Assert.All(boosted.Trees.SelectMany(t => t.Feature).Where(f => f >= 0), f => Assert.Equal(TopicWork, f));
    }

    [Fact]
    public void Fit_IsDeterministic_AndAPrefixOfTheTreesIsTheSmallerModel()
    {
        List<TrainingList> lists = [Three(answered: 1), Three(answered: 2), Three(answered: 1)];
        var start = RankerTraining.Fit(lists, regularization: 0.1);

        var ten = RankerBoosting.Fit(lists, start, BoostingOptions.Default with { Trees = 10 });
        var five = RankerBoosting.Fit(lists, start, BoostingOptions.Default with { Trees = 5 });

        Assert.Equal(ten, RankerBoosting.Fit(lists, start, BoostingOptions.Default with { Trees = 10 }));
        Assert.Equal(five, ten.WithTrees(5));
        Assert.Equal(start, RankerBoosting.Fit(lists, start, BoostingOptions.Default with { Trees = 0 }));
    }

    [Fact]
    public void FirstTree_IsOneNewtonStep_WithTheLeafValuesByHand()
    {
        // One list, two candidates (topic_work 0 and 1), the second answered, a flat start: p = ½ each, k = 1, so the
        // gradients are +½ and −½ and the curvatures ¼. A depth-1 tree splits them; with λ = 0 and η = 1 each leaf is
        // −g/h: −2 for the first, +2 for the second.
        var a = new double[RoutingFeatures.Count];
        var b = new double[RoutingFeatures.Count];
        b[TopicWork] = 1;
        List<TrainingList> lists = [new([a, b], [1])];
        var options = new BoostingOptions(Trees: 1, Depth: 1, LearningRate: 1, LeafRegularization: 0, MinLeafWeight: 0.1, Bins: 4);

        var model = RankerBoosting.Fit(lists, new RoutingModel(new double[RoutingFeatures.Count]), options);

        var tree = Assert.Single(model.Trees);
        Assert.Equal((TopicWork, 0.0), (tree.Feature[0], tree.Threshold[0]));
        Assert.Equal(-2, model.Score(a), 12);
        Assert.Equal(2, model.Score(b), 12);
    }

    [Fact]
    public void Tree_GoesLeftAtOrBelowTheThreshold()
    {
        // Root splits idle_hours at 3: ≤ 3 → leaf 1 (value 0.5), > 3 → leaf 2 (value −1).
        var tree = new RegressionTree([IdleHours, -1, -1], [3, 0, 0], [1, -1, -1], [2, -1, -1], [0, 0.5, -1]);
        var x = new double[RoutingFeatures.Count];

        x[IdleHours] = 3;
        var atThreshold = tree.Evaluate(x);
        x[IdleHours] = 3.5;
        var above = tree.Evaluate(x);

        Assert.Equal((0.5, -1.0), (atThreshold, above));
    }

    [Fact]
    public void Thresholds_AreDistinctQuantiles_BelowTheLargestValue()
    {
        double[][] rows = [.. new[] { 0.0, 0, 0, 0, 1, 1, 2, 5 }.Select(v => new[] { v })];

        Assert.Equal([0.0, 1, 2], RankerBoosting.Thresholds(rows, 0, bins: 4));
        Assert.Empty(RankerBoosting.Thresholds([[1.0], [1.0]], 0, bins: 4));
    }

    /// <summary>Three candidates with topic_work 0, 1, 2; <paramref name="answered"/> is the index of who answered.</summary>
    private static TrainingList Three(int answered)
    {
        double[][] rows = [.. Enumerable.Range(0, 3).Select(i =>
        {
            var row = new double[RoutingFeatures.Count];
            row[TopicWork] = i;
            return row;
        })];
        return new TrainingList(rows, [answered]);
    }
}
