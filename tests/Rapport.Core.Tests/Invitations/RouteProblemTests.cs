using Microsoft.EntityFrameworkCore;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.Notifications;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Invitations;

/// <summary>Routing in the app: who is invited, who never is, what "why you" says, and learning from outcomes.</summary>
public sealed class RouteProblemTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Route_InvitesTheBest_StoresWhyAndScore_AppendsInteractions_AndNotifies(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var trusted = await world.PersonAsync("trusted", ["sailing"]);
        var privately = await world.PersonAsync("privately", ["sailing"]);
        var stranger = await world.PersonAsync("stranger", ["sailing"]);
        await world.PersonAsync("cook", ["cooking"]);
        await world.TrustAsync(asker, trusted);
        await world.TrustAsync(asker, privately, TrustVisibility.Private);
        var problem = await world.ProblemAsync(asker);

        var invited = await world.RouteAsync(asker, problem);

        Assert.Equal(RouteProblem.DefaultInvitations, invited.Count);
        Assert.DoesNotContain(invited, i => i.Invitee.Handle.StartsWith("cook", StringComparison.Ordinal));
        Assert.All(invited, i => Assert.Equal(InvitationSource.Routed, i.Source));
        Assert.All(invited, i => Assert.Contains("sailing", i.Why.Topics));
        Assert.All(invited, i => Assert.InRange(i.Score!.Value, 0, 1));
        var toTrusted = Assert.Single(invited, i => i.Invitee.Handle == trusted.Handle);
        Assert.Equal([asker.Handle, trusted.Handle], toTrusted.Why.Path.Select(p => p.Handle));
        // A private statement of the asker's never shows in anyone's "why you".
        Assert.Empty(Assert.Single(invited, i => i.Invitee.Handle == privately.Handle).Why.Path);
        Assert.Empty(Assert.Single(invited, i => i.Invitee.Handle == stranger.Handle).Why.Path);
        var interactions = await world.ReadAsync(db => db.Interactions.Where(i => i.ProblemId == problem.Id && i.Kind == InteractionKind.Invited).CountAsync(Ct));
        Assert.Equal(invited.Count, interactions);
        var notice = Assert.Single((await world.InboxAsync(trusted)).Items);
        Assert.Equal(NotificationKind.InvitationReceived, notice.Kind);
        Assert.Contains(problem.Title, notice.Text, StringComparison.Ordinal);
        Assert.Empty((await world.InboxAsync(asker)).Items);

        var again = await world.RouteAsync(asker, problem);
        Assert.Empty(again); // everyone who fits is invited already: nobody twice
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Route_NeverInvites_AcrossBlocksEitherWay_OverBudget_AwayOrBusy_OrWhoCannotSeeTheProblem(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var fits = await world.PersonAsync("fits", ["sailing"]);
        var blockedByAsker = await world.PersonAsync("blocked", ["sailing"]);
        var blocksAsker = await world.PersonAsync("blocker", ["sailing"]);
        var spent = await world.PersonAsync("spent", ["sailing"], p => p.AttentionBudget = 1);
        var away = await world.PersonAsync("away", ["sailing"], p => p.Availability = Availability.Away);
        var busy = await world.PersonAsync("busy", ["sailing"], p => p.Availability = Availability.Busy);
        var outsider = await world.PersonAsync("outsider", ["sailing"]);
        var community = await world.CommunityAsync(asker, 20, fits, blockedByAsker, blocksAsker, spent, away, busy);
        await world.BlockAsync(asker, blockedByAsker);
        await world.BlockAsync(blocksAsker, asker);
        await world.PastInvitationAsync(outsider, spent, InvitationStatus.Accepted, TimeSpan.FromDays(2));
        var problem = await world.ProblemAsync(asker, ProblemVisibility.Community, community);

        var invited = await world.RouteAsync(asker, problem);

        Assert.Equal([fits.Handle], invited.Select(i => i.Invitee.Handle));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Route_RanksSomeoneWhoDeclinedOrIgnored_BelowSomeoneWhoAccepted(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var other = await world.PersonAsync("other");
        var answers = await world.PersonAsync("answers", ["sailing"], p => p.AttentionBudget = Person.MaxAttentionBudget);
        var ignores = await world.PersonAsync("ignores", ["sailing"], p => p.AttentionBudget = Person.MaxAttentionBudget);
        var first = await world.RouteAsync(asker, await world.ProblemAsync(asker));
        Assert.Equal(2, first.Count);
        Assert.Equal(first[0].Score, first[1].Score); // the same evidence: a tie, before any outcome

        foreach (var ago in new[] { 10, 20, 30 })
        {
            await world.PastInvitationAsync(other, answers, InvitationStatus.Accepted, TimeSpan.FromDays(ago));
        }

        await world.PastInvitationAsync(other, ignores, InvitationStatus.Declined, TimeSpan.FromDays(10));
        await world.PastInvitationAsync(other, ignores, InvitationStatus.Expired, TimeSpan.FromDays(20));
        await world.PastInvitationAsync(other, ignores, InvitationStatus.Pending, TimeSpan.FromDays(30)); // ignored past the window

        var later = await world.RouteAsync(asker, await world.ProblemAsync(asker, title: "Reefing in a gale"));

        Assert.Equal([answers.Handle, ignores.Handle], later.Select(i => i.Invitee.Handle));
        Assert.True(later[0].Score > later[1].Score);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Route_IsDeterministic_AndOnlyForTheAsker(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var asker = await world.PersonAsync("asker");
        var helpers = new List<Person>();
        for (var i = 0; i < 6; i++)
        {
            helpers.Add(await world.PersonAsync($"h{i}", i % 2 == 0 ? ["sailing", "knots"] : ["sailing"], p => p.AttentionBudget = Person.MaxAttentionBudget));
        }

        await world.TrustAsync(asker, helpers[3]);
        var one = await world.ProblemAsync(asker);
        var two = await world.ProblemAsync(asker);

        var stranger = await world.RunAsync((RouteProblem uc) => uc.ExecuteAsync(helpers[0].Id, one.Id, Ct));
        Assert.Equal(Outcomes.OutcomeKind.NotFound, stranger.Kind);

        var first = await world.RouteAsync(asker, one);
        var second = await world.RouteAsync(asker, two);
        Assert.Equal(first.Select(i => (i.Invitee.Handle, i.Score, i.Why)), second.Select(i => (i.Invitee.Handle, i.Score, i.Why)), new WhyComparer());
        Assert.Equal(RouteProblem.DefaultInvitations, first.Count);
        Assert.Contains(first, i => i.Invitee.Handle == helpers[3].Handle);
    }

    private sealed class WhyComparer : IEqualityComparer<(string, double?, WhyYou)>
    {
        public bool Equals((string, double?, WhyYou) x, (string, double?, WhyYou) y) =>
            x.Item1 == y.Item1 && x.Item2 == y.Item2 && x.Item3.ToReason() == y.Item3.ToReason();

        public int GetHashCode((string, double?, WhyYou) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}
