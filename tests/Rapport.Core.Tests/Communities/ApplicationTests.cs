using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Communities;

public sealed class ApplicationTests(CommunityWorlds worlds) : IClassFixture<CommunityWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Outcome<ApplicationView>> ApplyAsync(CommunityWorld world, Guid personId, string slug, params string?[] answers) =>
        world.RunAsync((ApplyToCommunity uc) => uc.ExecuteAsync(personId, slug, answers, Ct));

    private static Task<int> ApplicationCountAsync(CommunityWorld world, string slug) =>
        world.ReadAsync(db => db.MembershipApplications.CountAsync(a => a.Community!.Slug == slug, Ct));

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Apply_WithAnswerPerQuestion_IsPendingWithQuestionsCopied(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync(("piloting", "Helsinki harbour"));
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "Why join?", "What do you bring?");

        var outcome = await ApplyAsync(world, applicant.Id, slug, " To learn. ", "Charts.");

        Assert.True(outcome.Succeeded);
        Assert.Equal(ApplicationStatus.Pending, outcome.Value!.Status);
        Assert.Equal([new AnswerView("Why join?", "To learn."), new AnswerView("What do you bring?", "Charts.")], outcome.Value.Answers);
        Assert.Equal(new CompetenceTag("piloting", "Helsinki harbour"), Assert.Single(outcome.Value.Applicant.Competences));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Apply_WithMissingBlankOrOversizedAnswer_IsInvalidAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "One?", "Two?");

        var tooFew = await ApplyAsync(world, applicant.Id, slug, "Only one");
        var blankAndLong = await ApplyAsync(world, applicant.Id, slug, "  ", new string('a', MembershipApplication.AnswerMaxLength + 1));

        Assert.NotEmpty(tooFew.Errors.For("answers"));
        Assert.Equal(["Answer 1 is required."], blankAndLong.Errors.For("answers[0]"));
        Assert.Equal(["Answer 2 can be at most 2000 characters."], blankAndLong.Errors.For("answers[1]"));
        Assert.Equal(0, await ApplicationCountAsync(world, slug));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Apply_WhilePending_IsConflict(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "Why?");
        await ApplyAsync(world, applicant.Id, slug, "Because.");

        var again = await ApplyAsync(world, applicant.Id, slug, "Again.");

        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Equal(1, await ApplicationCountAsync(world, slug));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Apply_ManyAtOnce_LeavesExactlyOnePending(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "Why?");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => ApplyAsync(world, applicant.Id, slug, $"Try {i}")));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(OutcomeKind.Conflict, o.Kind));
        Assert.Equal(1, await ApplicationCountAsync(world, slug));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Apply_AsMemberOrToOpenCommunity_IsConflict(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var byApplication = await world.CommunityAsync(host, MembershipMode.ByApplication);
        var open = await world.CommunityAsync(host, MembershipMode.Open);

        Assert.Equal(OutcomeKind.Conflict, (await ApplyAsync(world, host.Id, byApplication)).Kind);
        Assert.Equal(OutcomeKind.Conflict, (await ApplyAsync(world, applicant.Id, open)).Kind);
        Assert.Equal(0, await ApplicationCountAsync(world, byApplication));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Withdraw_OwnPending_WithdrawsAndAllowsApplyingAgain(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "Why?");
        var application = (await ApplyAsync(world, applicant.Id, slug, "Because.")).Value!;

        var withdrawn = await world.RunAsync((WithdrawApplication uc) => uc.ExecuteAsync(applicant.Id, slug, application.Id, Ct));
        var twice = await world.RunAsync((WithdrawApplication uc) => uc.ExecuteAsync(applicant.Id, slug, application.Id, Ct));
        var again = await ApplyAsync(world, applicant.Id, slug, "Now really.");

        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Value);
        Assert.Equal(OutcomeKind.Conflict, twice.Kind);
        Assert.True(again.Succeeded);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Withdraw_SomeoneElsesApplication_IsNotFoundAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "Why?");
        var application = (await ApplyAsync(world, applicant.Id, slug, "Because.")).Value!;

        var byHost = await world.RunAsync((WithdrawApplication uc) => uc.ExecuteAsync(host.Id, slug, application.Id, Ct));

        Assert.Equal(OutcomeKind.NotFound, byHost.Kind);
        Assert.Equal(ApplicationStatus.Pending,
            await world.ReadAsync(db => db.MembershipApplications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync(Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task GetApplication_ForApplicantAndHosts_OthersGetNotFoundAsForMissing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "Why?");
        var otherSlug = await world.CommunityAsync(stranger, MembershipMode.ByApplication);
        await world.JoinAsync(host, slug, member);
        var application = (await ApplyAsync(world, applicant.Id, slug, "Because.")).Value!;

        Task<Outcome<ApplicationView>> Get(Guid personId, string inSlug, Guid id) =>
            world.RunAsync((GetApplication uc) => uc.ExecuteAsync(personId, inSlug, id, Ct));

        Assert.True((await Get(applicant.Id, slug, application.Id)).Succeeded);
        Assert.True((await Get(host.Id, slug, application.Id)).Succeeded);
        Assert.Equal(OutcomeKind.NotFound, (await Get(member.Id, slug, application.Id)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await Get(stranger.Id, slug, application.Id)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await Get(stranger.Id, otherSlug, application.Id)).Kind); // a host elsewhere
        Assert.Equal(OutcomeKind.NotFound, (await Get(host.Id, slug, Guid.NewGuid())).Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Visibility_SingleReadAndHostList_AgreeForEveryKindOfViewer(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var cohost = await world.PersonAsync();
        var member = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var otherApplicant = await world.PersonAsync();
        var elsewhereHost = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication);
        await world.CommunityAsync(elsewhereHost, MembershipMode.ByApplication);
        await world.JoinAsync(host, slug, cohost);
        await world.JoinAsync(host, slug, member);
        await world.RunAsync((ChangeMemberRole uc) => uc.ExecuteAsync(host.Id, slug, cohost.Handle, CommunityRole.Host, Ct));
        var application = (await ApplyAsync(world, applicant.Id, slug)).Value!;
        await ApplyAsync(world, otherApplicant.Id, slug);

        foreach (var viewer in new[] { host, cohost, member, applicant, otherApplicant, elsewhereHost })
        {
            var single = await world.RunAsync((GetApplication uc) => uc.ExecuteAsync(viewer.Id, slug, application.Id, Ct));
            var list = await world.RunAsync((ListApplications uc) => uc.ExecuteAsync(viewer.Id, slug, new PageRequest(), Ct));
            var isHost = viewer == host || viewer == cohost;

            Assert.Equal(isHost || viewer == applicant, single.Succeeded);
            Assert.Equal(isHost, list.Succeeded);
            if (list.Succeeded)
            {
                Assert.Contains(list.Value!.Items, a => a.Id == application.Id);
            }
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ListApplications_AsHost_ShowsPendingFirstWithAnswersAndApplicant(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var first = await world.PersonAsync();
        var second = await world.PersonAsync(("sailing", null));
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "Why?");
        var declined = (await ApplyAsync(world, first.Id, slug, "First.")).Value!;
        await world.RunAsync((DecideApplication uc) => uc.ExecuteAsync(host.Id, slug, declined.Id, ApplicationDecision.Decline, null, Ct));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await ApplyAsync(world, second.Id, slug, "Second.");

        var list = await world.RunAsync((ListApplications uc) => uc.ExecuteAsync(host.Id, slug, new PageRequest(), Ct));

        Assert.Equal(2, list.Value!.Total);
        Assert.Equal([ApplicationStatus.Pending, ApplicationStatus.Declined], list.Value.Items.Select(a => a.Status));
        var pending = list.Value.Items[0];
        Assert.Equal((second.Handle, "sailing"), (pending.Applicant.Handle, pending.Applicant.Competences.Single().Topic));
        Assert.Equal("Second.", Assert.Single(pending.Answers).Text);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ListApplications_AsMemberOrApplicant_IsNotFound(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication);
        await world.JoinAsync(host, slug, member);
        await ApplyAsync(world, applicant.Id, slug);

        foreach (var person in new[] { member, applicant })
        {
            var list = await world.RunAsync((ListApplications uc) => uc.ExecuteAsync(person.Id, slug, new PageRequest(), Ct));
            Assert.Equal(OutcomeKind.NotFound, list.Kind);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Approve_MakesApplicantMemberAndShowsThemTheMessage(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "Why?");
        var application = (await ApplyAsync(world, applicant.Id, slug, "Because.")).Value!;

        var decided = await world.RunAsync((DecideApplication uc) =>
            uc.ExecuteAsync(host.Id, slug, application.Id, ApplicationDecision.Approve, " Welcome aboard! ", Ct));

        Assert.Equal((ApplicationStatus.Approved, "Welcome aboard!"), (decided.Value!.Status, decided.Value.DecisionMessage));
        var page = await world.RunAsync((GetCommunity uc) => uc.ExecuteAsync(applicant.Id, slug, Ct));
        Assert.Equal(CommunityRole.Member, page.Value!.ViewerRole);
        Assert.Equal("Welcome aboard!", page.Value.ViewerApplication!.DecisionMessage);
        Assert.Contains(page.Value.Members, m => m.Person.Id == applicant.Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Decline_KeepsApplicantOutAndShowsThemTheMessage(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication, "Why?");
        var application = (await ApplyAsync(world, applicant.Id, slug, "Because.")).Value!;

        await world.RunAsync((DecideApplication uc) => uc.ExecuteAsync(host.Id, slug, application.Id, ApplicationDecision.Decline, "Not this season.", Ct));

        var page = await world.RunAsync((GetCommunity uc) => uc.ExecuteAsync(applicant.Id, slug, Ct));
        Assert.Null(page.Value!.ViewerRole);
        Assert.Equal((ApplicationStatus.Declined, "Not this season."), (page.Value.ViewerApplication!.Status, page.Value.ViewerApplication.DecisionMessage));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Decide_ByNonHost_IsNotFoundAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication);
        await world.JoinAsync(host, slug, member);
        var application = (await ApplyAsync(world, applicant.Id, slug)).Value!;

        foreach (var person in new[] { member, applicant })
        {
            var outcome = await world.RunAsync((DecideApplication uc) => uc.ExecuteAsync(person.Id, slug, application.Id, ApplicationDecision.Approve, null, Ct));
            Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
        }

        Assert.Equal(ApplicationStatus.Pending,
            await world.ReadAsync(db => db.MembershipApplications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync(Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Decide_AlreadyDecidedOrWithdrawn_IsConflict(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication);
        var application = (await ApplyAsync(world, applicant.Id, slug)).Value!;
        await world.RunAsync((DecideApplication uc) => uc.ExecuteAsync(host.Id, slug, application.Id, ApplicationDecision.Decline, null, Ct));

        var again = await world.RunAsync((DecideApplication uc) => uc.ExecuteAsync(host.Id, slug, application.Id, ApplicationDecision.Approve, null, Ct));

        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Null(await world.ReadAsync(db => db.Memberships.SingleOrDefaultAsync(m => m.PersonId == applicant.Id, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Decide_WithOversizedMessage_IsInvalidAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication);
        var application = (await ApplyAsync(world, applicant.Id, slug)).Value!;

        var outcome = await world.RunAsync((DecideApplication uc) => uc.ExecuteAsync(
            host.Id, slug, application.Id, ApplicationDecision.Approve, new string('m', MembershipApplication.DecisionMessageMaxLength + 1), Ct));

        Assert.NotEmpty(outcome.Errors.For("message"));
        Assert.Equal(ApplicationStatus.Pending,
            await world.ReadAsync(db => db.MembershipApplications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync(Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Approve_ByTwoHostsAtOnce_DecidesOnceAndAdmitsOnce(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var cohost = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication);
        await world.JoinAsync(host, slug, cohost);
        await world.RunAsync((ChangeMemberRole uc) => uc.ExecuteAsync(host.Id, slug, cohost.Handle, CommunityRole.Host, Ct));
        var application = (await ApplyAsync(world, applicant.Id, slug)).Value!;

        var outcomes = await Task.WhenAll(new[] { host, cohost }.Select(h =>
            world.RunAsync((DecideApplication uc) => uc.ExecuteAsync(h.Id, slug, application.Id, ApplicationDecision.Approve, null, Ct))));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.Conflict);
        Assert.Equal(3, await world.ReadAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == slug, Ct)));
    }
}
