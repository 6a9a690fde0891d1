using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

public sealed class RankerSelectionTests
{
    private const int LinearConfigurations = 3 * 2 * 7; // feature sets (all, round-4, round-4+topic-trust) × centres × λ

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

    [Fact]
    public void Score_RefittedEveryPeriodLongerThanTheWindows_IsOneModelPerWindow()
    {
        var (examples, windows, options) = History();
        var selection = new RankerSelection(examples, windows, options, RankerSelectionOptions.LinearOnly);
        var configuration = new RankerConfiguration("all", [], 0.01, 0, 0) { Centre = RankerSelection.MostActiveCentre };

        var single = selection.Score(configuration);
        var refitted = selection.Score(configuration, TimeSpan.FromDays(365));

        Assert.Equal(single.WindowMrr, refitted.WindowMrr);
        Assert.Equal(single.ReciprocalRanks, refitted.ReciprocalRanks);
        Assert.Equal(single.Models, refitted.Models);
        Assert.Equal([single.Models[0], single.Models[0], single.Models[1], single.Models[1]], refitted.ExampleModels);
        Assert.Null(single.RefitEvery);
        Assert.Equal(TimeSpan.FromDays(365), refitted.RefitEvery);
    }

    [Fact]
    public void Score_RefittedDaily_RanksEachQuestionWithTheModelOfItsDay_FittedOnlyOnWhatWasKnownThen()
    {
        // Examples are asked daily (day i at Now − 30 + i) and answered an hour later. Window 1 starts at day 8 and scores
        // days 8 and 9: day 8 by the window's model (8 examples, answers before day 8), day 9 by a refit at day 9 on the 9
        // examples asked before it with the answers given before it (day 8's answer, an hour after day 8, is one of them).
        var (examples, windows, options) = History();
        var configuration = new RankerConfiguration("all", [], 0.01, 0, 0) { Centre = RankerSelection.MostActiveCentre };

        var refitted = new RankerSelection(examples, windows, options, RankerSelectionOptions.LinearOnly).Score(configuration, RankerSelection.AppRefitPeriod);

        RoutingModel? ModelOf(int fitted, int day) =>
            new RankerSelection(examples, [new RankerWindow(fitted, RoutingFixture.Now.AddDays(-30 + day), [day])], options, RankerSelectionOptions.LinearOnly).Score(configuration).Models[0];
        Assert.Equal([ModelOf(8, 8), ModelOf(9, 9), ModelOf(10, 10), ModelOf(11, 11)], refitted.ExampleModels);
        Assert.NotEqual(refitted.ExampleModels[0], refitted.ExampleModels[1]);
        Assert.Equal([refitted.ExampleModels[0], refitted.ExampleModels[2]], refitted.Models);
    }

    [Fact]
    public void Choose_WithRefits_ScoresTheChosenConfigurationRefittedDaily_AndKeepsTheRefitsOnlyIfTheyScoreHigher()
    {
        var (examples, windows, options) = History();

        var choice = new RankerSelection(examples, windows, options, RankerSelectionOptions.LinearOnly with { RefitEvery = RankerSelection.AppRefitPeriod }).Choose();

        Assert.NotNull(choice.Refitted);
        Assert.NotNull(choice.Static);
        Assert.Equal(choice.Static.Configuration, choice.Refitted.Configuration);
        Assert.Equal(RankerSelection.AppRefitPeriod, choice.Refitted.RefitEvery);
        Assert.Same(choice.Refitted.Mean > choice.Static.Mean ? choice.Refitted : choice.Static, choice.Chosen);
        Assert.Null(new RankerSelection(examples, windows, options, RankerSelectionOptions.LinearOnly).Choose().Refitted);
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
