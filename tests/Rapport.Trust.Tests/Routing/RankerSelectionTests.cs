using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

public sealed class RankerSelectionTests
{
    private const int LinearConfigurations = 2 * 2 * 7; // feature sets × centres × λ

    [Fact]
    public void StandardError_IsThatOfTheMeanPairedDifference_ByHand()
    {
        // d = (0.5, 0, -0.5): mean 0, sample variance 0.25, standard error √(0.25 / 3).
        var a = new RankerScore(null, [0.5], [1, 0.5, 0], []);
        var b = new RankerScore(null, [0.5], [0.5, 0.5, 0.5], []);

        Assert.Equal(Math.Sqrt(0.25 / 3), RankerSelection.StandardError(a, b), 12);
        Assert.Equal(0, RankerSelection.StandardError(a with { ReciprocalRanks = [1] }, b with { ReciprocalRanks = [0] }));
    }

    [Fact]
    public void Choose_LinearOnly_ScoresTheWholeGrid_AndTheLearnedRankerBeatsMostActiveOnWhoCameBack()
    {
        // Askers 0 and 1 were helped by 2 and 3, who answer them again; 4 is the busiest and answers nobody. The a-priori
        // model without trust weight ranks 4 first; the learned ranker learns "helped the asker" and ranks the helper first.
        var (examples, windows, options) = History();

        var choice = new RankerSelection(examples, windows, options, RankerSelectionOptions.LinearOnly).Choose();

        Assert.Equal(LinearConfigurations, choice.Configurations.Count);
        Assert.All(choice.Configurations, s => Assert.Equal(0, s.Configuration!.Trees));
        Assert.Contains(choice.Chosen, choice.Configurations);
        Assert.Equal(1, choice.Chosen.Mean, 9);
        Assert.True(choice.APriori.Mean < choice.Chosen.Mean);
        Assert.True(choice.UseLearned);
        Assert.Equal(choice.Model, new RankerSelection(examples, windows, options, RankerSelectionOptions.LinearOnly).Fit(choice.Chosen.Configuration!));
    }

    [Fact]
    public void Choose_WithTrees_AddsTheBoostedGrid_AndKeepsTheLinearRankerUnlessTreesWinByTheMargin()
    {
        var (examples, windows, options) = History();

        var choice = new RankerSelection(examples, windows, options, RankerSelectionOptions.WithTrees).Choose();

        var trees = RankerSelectionOptions.WithTrees;
        Assert.Equal(LinearConfigurations + (trees.TreeCounts.Count * trees.TreeDepths.Count), choice.Configurations.Count);
        var bestTrees = choice.Configurations.Where(s => s.Configuration!.Trees > 0).Max(s => s.Mean);
        Assert.Equal(bestTrees > choice.Configurations.Where(s => s.Configuration!.Trees == 0).Max(s => s.Mean) + RankerSelection.ComplexityMargin && choice.Chosen.Configuration!.Trees > 0,
            choice.Chosen.Configuration!.Trees > 0);
        Assert.Equal(0, choice.Chosen.Configuration!.Trees); // perfect linear ranking: trees cannot win by the margin
    }

    private static (List<RankerExample> Examples, List<RankerWindow> Windows, RoutingOptions Options) History()
    {
        var world = new RoutingFixture(5).Active(4, 60).Active(4, 59).Active(4, 58).Active(4, 57).Active(2, 50).Active(3, 50);
        world.Responsiveness.RecordContribution(2, RoutingFixture.Now.AddDays(-45), helped: 0);
        world.Responsiveness.RecordContribution(3, RoutingFixture.Now.AddDays(-45), helped: 1);
        var options = RoutingOptions.Default with { DiversityPenalty = 0, ClosenessWeight = 0 };
        var examples = Enumerable.Range(0, 12).Select(i =>
        {
            var at = RoutingFixture.Now.AddDays(-30 + i);
            var asker = i % 2;
            return new RankerExample(Router.Measure(world.Sources, RoutingFixture.Ask(asker, "") with { At = at }, options), new Dictionary<int, DateTimeOffset> { [asker + 2] = at.AddHours(1) });
        }).ToList();
        List<RankerWindow> windows = [new(8, RoutingFixture.Now.AddDays(-22), [8, 9]), new(10, RoutingFixture.Now.AddDays(-20), [10, 11])];
        return (examples, windows, options);
    }
}
