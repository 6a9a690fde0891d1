using Rapport.Core.Invitations;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Trust;
using Rapport.Testing;
using Rapport.Trust.Routing;

namespace Rapport.Core.Tests.Invitations;

/// <summary>The app feeds the routing engine the signals the evaluation does (contributions, credit, thanks), from public work only.</summary>
public sealed class RoutingInputsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Inputs_CountContributionsCreditAndThanks_OnPublicProblems_WithTheirAuthorAndTopics_AndNothingFromHiddenOnes(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var helper = await world.PersonAsync("helper");
        var other = await world.PersonAsync("other");
        var now = world.Clock.GetUtcNow();
        var open = RoutingHistory.Problem(asker, now.AddDays(-10), "sailing", "Reefing in a gust");
        var hidden = RoutingHistory.Problem(other, now.AddDays(-9), "sailing", "A members-only question", ProblemVisibility.Invited);
        var onOpen = RoutingHistory.Contribution(open, helper, TimeSpan.FromHours(1), "Reef early, before the gust arrives.");
        var onHidden = RoutingHistory.Contribution(hidden, helper, TimeSpan.FromHours(1), "secretword about the hidden boat");
        await world.WriteAsync(db =>
        {
            db.Problems.AddRange(open, hidden);
            db.Contributions.AddRange(onOpen, onHidden);
            db.Resolutions.AddRange(RoutingHistory.Credit(open, onOpen, TimeSpan.FromHours(2)), RoutingHistory.Credit(hidden, onHidden, TimeSpan.FromHours(2)));
            db.Thanks.AddRange(RoutingHistory.Thanks(onOpen, asker, TimeSpan.FromHours(1)), RoutingHistory.Thanks(onHidden, other, TimeSpan.FromHours(1)));
        });

        var (signals, inputs) = await world.RunAsync(async (TrustGraphStore store) =>
        {
            await using var db = world.Database.CreateContext();
            var graph = await store.GetAsync(Ct);
            var inputs = await RoutingInputs.ReadAsync(db, graph, now, Ct);
            var request = new RoutingRequest(inputs.Node(asker.Id), now, "secretword reef", ["sailing"]);
            return (Router.Measure(inputs.Sources, request, RouteProblem.Options), inputs);
        });

        var seen = Assert.Single(signals.Candidates, c => inputs.PersonAt(c.Person) == helper.Id);
        Assert.Equal(1, seen.Contributions);
        Assert.Equal(1, seen.ContributionsToAsker);
        Assert.Equal(1, seen.Credit);
        Assert.Equal(1, seen.Thanks);
        Assert.Equal(onOpen.CreatedAt, seen.LastContribution);
        Assert.True(seen.RecentTopicContributions[RoutingFeatures.ContributionHalfLives.Count - 1] > 0, "the open problem's topic is on the contribution");
        Assert.DoesNotContain(seen.Terms, t => t.Term == "secretword");
        var features = RoutingFeatures.Of(signals, RouteProblem.Options)[signals.Candidates.ToList().IndexOf(seen)];
        Assert.Equal(Math.Log(2), features[RoutingFeatures.Names.ToList().IndexOf("contributions")], 9);
        Assert.Equal(Math.Log(2), features[RoutingFeatures.Names.ToList().IndexOf("credit")], 9);
        Assert.Equal(Math.Log(2), features[RoutingFeatures.Names.ToList().IndexOf("thanks")], 9);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TopicCloseness_ReadsTheAskersTrustOnTheProblemsTopic_AndNeverSomeoneElsesPrivateStatement(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var first = await world.PersonAsync("first", ["sailing"]);
        var second = await world.PersonAsync("second", ["sailing"]);
        var other = await world.PersonAsync("other");
        await world.TrustAsync(asker, first);
        await world.TrustAsync(asker, second);
        await world.TrustAsync(asker, other);
        var topicCloseness = RoutingFeatures.Names.ToList().IndexOf("topic_closeness");

        async Task<(double First, double Second)> MeasureAsync()
        {
            var now = world.Clock.GetUtcNow();
            return await world.RunAsync(async (TrustGraphStore store) =>
            {
                await using var db = world.Database.CreateContext();
                var inputs = await RoutingInputs.ReadAsync(db, await store.GetAsync(Ct), now, Ct);
                var signals = Router.Measure(inputs.Sources, new RoutingRequest(inputs.Node(asker.Id), now, "reefing", ["Sailing"]), RouteProblem.Options);
                var rows = RoutingFeatures.Of(signals, RouteProblem.Options);
                double Of(Person p) => rows[signals.Candidates.ToList().FindIndex(c => inputs.PersonAt(c.Person) == p.Id)][topicCloseness];
                return (Of(first), Of(second));
            });
        }

        var before = await MeasureAsync();
        await world.TrustAsync(other, second, TrustVisibility.Private, "sailing");
        var afterOthersPrivate = await MeasureAsync();
        await world.TrustAsync(asker, second, TrustVisibility.Private, "sailing");
        var afterOwn = await MeasureAsync();

        // Symmetric general trust: equal. Someone else's private statement on the topic: nothing changes for the asker.
        // The asker's own private statement on it: on "sailing" it counts at full weight, the general ones at the discount.
        Assert.Equal(before.First, before.Second, 12);
        Assert.Equal(before, afterOthersPrivate);
        Assert.True(afterOwn.Second > afterOwn.First, $"{afterOwn}");
    }
}
