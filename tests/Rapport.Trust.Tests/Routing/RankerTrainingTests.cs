using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

public sealed class RankerTrainingTests
{
    private static readonly int TopicWork = Column("topic_work");
    private static readonly int HelpedAsker = Column("helped_asker");

    [Fact]
    public void Fit_RecoversTheLogOddsOfWhoAnswers_ByHand()
    {
        // Two candidates per problem, differing only in topic_work (1 and 0). The one with topic work answered 3 problems
        // of 4: the conditional logit's maximum likelihood is e^w / (e^w + 1) = 3/4, w = ln 3 (λ tiny); every column that
        // never varies gets 0.
        List<TrainingList> lists = [List(1, 0, answered: 0), List(1, 0, answered: 0), List(1, 0, answered: 0), List(1, 0, answered: 1)];

        var model = RankerTraining.Fit(lists, regularization: 1e-9);

        Assert.Equal(Math.Log(3), model.Weights[TopicWork], 5);
        Assert.All(Enumerable.Range(0, RoutingFeatures.Count).Where(i => i != TopicWork), i => Assert.Equal(0, model.Weights[i]));
    }

    [Fact]
    public void Fit_ShrinksTowardZeroAsTheRegularizationGrows_AndIsDeterministic()
    {
        List<TrainingList> lists = [List(1, 0, answered: 0), List(1, 0, answered: 0), List(1, 0, answered: 0), List(1, 0, answered: 1)];

        var weak = RankerTraining.Fit(lists, regularization: 1e-6);
        var strong = RankerTraining.Fit(lists, regularization: 1);

        Assert.InRange(strong.Weights[TopicWork], 0.01, weak.Weights[TopicWork] - 0.1);
        Assert.Equal(weak, RankerTraining.Fit(lists, regularization: 1e-6));
    }

    [Fact]
    public void Fit_WithoutAnyAnsweredProblem_GivesAllZeroWeights_AndRefusesANonPositivePenalty()
    {
        var model = RankerTraining.Fit([List(1, 0, answered: -1)], regularization: 0.01);

        Assert.All(model.Weights, w => Assert.Equal(0, w));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankerTraining.Fit([List(1, 0, answered: 0)], regularization: 0));
    }

    [Fact]
    public void Fit_FromPastProblems_LearnsThatPeopleComeBackToWhoHelpedThem()
    {
        // Asker 0 was helped by 2 before, and 2 answered again; asker 1 was helped by 3 before, and 3 answered again. Person 4
        // is the most active but helped neither. A new problem from 0: the fitted model puts 2 (who helped 0) first.
        var world = new RoutingFixture(5).Active(4, 1).Active(4, 2).Active(4, 3).Active(2, 20).Active(3, 20);
        world.Responsiveness.RecordContribution(2, RoutingFixture.Now.AddDays(-20), helped: 0);
        world.Responsiveness.RecordContribution(3, RoutingFixture.Now.AddDays(-20), helped: 1);
        var options = RoutingOptions.Default with { DiversityPenalty = 0 };
        RoutingExample Past(int asker, int answerer) => new(Router.Measure(world.Sources, RoutingFixture.Ask(asker, "") with { At = RoutingFixture.Now.AddDays(-10) }, options), new HashSet<int> { answerer });

        var model = RankerTraining.Fit([Past(0, 2), Past(1, 3)], options, regularization: 0.01);
        var ranked = Router.Rank(Router.Measure(world.Sources, RoutingFixture.Ask(0, ""), options), options with { Model = model });

        Assert.True(model.Weights[HelpedAsker] > 0);
        Assert.Equal(2, ranked[0].Person);
    }

    [Fact]
    public void RoutingModel_NeedsOneFiniteWeightPerFeature()
    {
        Assert.Throws<ArgumentException>(() => new RoutingModel([1, 2]));
        Assert.Throws<ArgumentException>(() => new RoutingModel([.. Enumerable.Repeat(double.NaN, RoutingFeatures.Count)]));
    }

    [Fact]
    public void Rank_WithAModel_UsesIt_KeepsTheWhy_AndStillExcludesBlockedPeople()
    {
        // Person 1 is the most active; person 2 answered the asker (0) once before; person 3 answered the asker too but is
        // blocked. A model that weighs only "helped the asker" puts 2 first; 1 keeps the topic evidence in the "why".
        var world = new RoutingFixture(4).Knows(1, "surface codes", "qubit").Active(1, 1).Active(1, 2).Active(1, 3).Active(2, 5).Active(3, 5);
        world.Responsiveness.RecordContribution(2, RoutingFixture.Now.AddDays(-5), helped: 0, topics: ["photon"]);
        world.Responsiveness.RecordContribution(3, RoutingFixture.Now.AddDays(-5), helped: 0);
        var weights = new double[RoutingFeatures.Count];
        weights[HelpedAsker] = 1;
        var options = RoutingOptions.Default with { Model = new RoutingModel(weights), DiversityPenalty = 0 };
        var request = RoutingFixture.Ask(0, "surface codes", "qubit") with { BlockedPairs = new HashSet<(int, int)> { (3, 0) } };

        var ranked = Router.Route(world.Sources, request, options, count: 3);

        Assert.Equal([2, 1], ranked.Select(c => c.Person));
        Assert.Equal(1, ranked[0].Signals.ContributionsToAsker);
        Assert.Equal([("qubit", 1.0)], ranked[1].Signals.Topics.Select(t => (t.Term, t.Score)));
        Assert.Equal(1, ranked[1].Expertise);
    }

    [Fact]
    public void Features_ReadOnlyContributionsCreditAndThanksBeforeTheRequest()
    {
        // Person 1: one answer to the asker on "qubit" a day ago, one an hour after the request (not seen); a credit and a
        // thank-you before it, another thank-you after it.
        var world = new RoutingFixture(2);
        var now = RoutingFixture.Now;
        world.Responsiveness.RecordContribution(1, now.AddDays(-1), helped: 0, topics: ["Qubit"]);
        world.Responsiveness.RecordContribution(1, now.AddHours(1), helped: 0, topics: ["qubit"]);
        world.Responsiveness.RecordCredit(1, now.AddHours(-2));
        world.Responsiveness.RecordThanks(1, now.AddHours(-2));
        world.Responsiveness.RecordThanks(1, now.AddHours(2));
        world.Responsiveness.RecordActivity(1, now.AddDays(-1));
        var signals = Router.Measure(world.Sources, RoutingFixture.Ask(0, "", "qubit"), RoutingOptions.Default);

        var row = RoutingFeatures.Of(signals, RoutingOptions.Default).Single();

        var one = signals.Candidates.Single();
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (one.Contributions, one.ContributionsToAsker, one.Credit, one.Thanks));
        Assert.Equal([0.5, Math.Pow(2, -1.0 / 7), Math.Pow(2, -1.0 / 30), Math.Pow(2, -1.0 / 90), Math.Pow(2, -1.0 / 365)], one.RecentContributions, (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal(one.RecentContributions, one.RecentTopicContributions);
        Assert.Equal(Math.Log(2), row[HelpedAsker], 12);
        Assert.Equal(Math.Log(25), row[Column("idle_hours_contribution")], 12);
        Assert.Equal(Math.Log(1 + Math.Pow(2, -1.0 / 365)), row[Column("topic_contributions_365d")], 12);

        // Credit rate with a Beta(1, 1) prior: (1 accepted + 2 · 0.5) / (1 answer + 2) = 2/3. The asker never helped 1.
        Assert.Equal(Math.Log(2.0 / 3), row[Column("credit_rate")], 12);
        Assert.Equal(0, row[Column("helped_by_asker")]);
    }

    [Fact]
    public void Features_CountWhatTheAskerDidForTheCandidateBefore_NotAfter()
    {
        // The asker (0) answered 1's problems twice before the request and once after it; 2 was never helped by 0.
        var world = new RoutingFixture(3).Active(1, 3).Active(2, 3);
        var now = RoutingFixture.Now;
        world.Responsiveness.RecordContribution(0, now.AddDays(-3), helped: 1);
        world.Responsiveness.RecordContribution(0, now.AddDays(-2), helped: 1);
        world.Responsiveness.RecordContribution(0, now.AddHours(1), helped: 1);
        world.Responsiveness.RecordContribution(0, now.AddDays(-1), helped: null);
        var signals = Router.Measure(world.Sources, RoutingFixture.Ask(0, ""), RoutingOptions.Default);

        var rows = RoutingFeatures.Of(signals, RoutingOptions.Default);

        Assert.Equal([1, 2], signals.Candidates.Select(c => c.Person));
        Assert.Equal([Math.Log(3), 0], rows.Select(r => r[Column("helped_by_asker")]));
    }

    [Fact]
    public void Fit_WithACentre_ShrinksTowardItInsteadOfTowardZero()
    {
        // Same data as above (log-odds ln 3 on topic_work). Centred on a model with weight 2 on topic_work: a huge penalty
        // gives 2 (the centre), not 0; a tiny one still gives ln 3; in between it lies between the two.
        List<TrainingList> lists = [List(1, 0, answered: 0), List(1, 0, answered: 0), List(1, 0, answered: 0), List(1, 0, answered: 1)];
        var weights = new double[RoutingFeatures.Count];
        weights[TopicWork] = 2;
        var centre = new RoutingModel(weights);

        var huge = RankerTraining.Fit(lists, regularization: 1e6, centre);
        var tiny = RankerTraining.Fit(lists, regularization: 1e-9, centre);
        var middle = RankerTraining.Fit(lists, regularization: 1, centre);

        Assert.Equal(2, huge.Weights[TopicWork], 4);
        Assert.Equal(Math.Log(3), tiny.Weights[TopicWork], 5);
        Assert.InRange(middle.Weights[TopicWork], Math.Log(3) + 0.01, 2 - 0.01);
    }

    private static int Column(string name) => RoutingFeatures.Names.ToList().IndexOf(name);

    /// <summary>Two candidates whose rows differ only in topic_work (<paramref name="first"/>, <paramref name="second"/>); -1: nobody answered.</summary>
    private static TrainingList List(double first, double second, int answered)
    {
        var a = new double[RoutingFeatures.Count];
        var b = new double[RoutingFeatures.Count];
        a[TopicWork] = first;
        b[TopicWork] = second;
        return new TrainingList([a, b], answered < 0 ? [] : [answered]);
    }
}
