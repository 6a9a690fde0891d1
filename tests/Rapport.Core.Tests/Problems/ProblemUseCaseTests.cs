using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Invitations;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Problems;

public sealed class ProblemUseCaseTests(ProblemWorlds worlds) : IClassFixture<ProblemWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Post_StoresAnOpenProblemWithNormalizedTopics(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var author = await world.PersonAsync();
        var slug = await world.CommunityAsync(author);

        var posted = await world.RunAsync((PostProblem uc) => uc.ExecuteAsync(author.Id, new ProblemInput(
            ProblemKind.Request, "  Crane for a small boat ", "We need *lifting*.", ["Sailing ", "sailing", "Harbour  Work"], "Helsinki",
            slug, ProblemVisibility.Community), Ct));

        Assert.True(posted.Succeeded, ProblemWorld.Describe(posted));
        var problem = posted.Value!;
        Assert.Equal("Crane for a small boat", problem.Title);
        Assert.Equal(ProblemStatus.Open, problem.Status);
        Assert.Equal(["harbour work", "sailing"], problem.Topics);
        Assert.Equal(slug, problem.Community?.Slug);
        Assert.True(problem.IsMine);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Post_WithBadInput_AnswersFieldErrorsAndStoresNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var author = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var theirs = await world.CommunityAsync(stranger);

        var bad = await world.RunAsync((PostProblem uc) => uc.ExecuteAsync(author.Id, new ProblemInput(
            null, "ab", new string('x', Problem.BodyMaxLength + 1), Enumerable.Range(0, Problem.MaxTopics + 1).Select(i => $"t{i}").ToList(),
            null, null, ProblemVisibility.Community), Ct));
        var notMine = await world.RunAsync((PostProblem uc) => uc.ExecuteAsync(author.Id, new ProblemInput(
            ProblemKind.Question, "A fine title", "", [], null, theirs, ProblemVisibility.Community), Ct));

        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
        Assert.Equal(["body", "community", "kind", "title", "topics"], bad.Errors.ToDictionary().Keys.Order());
        Assert.Equal(OutcomeKind.Invalid, notMine.Kind);
        Assert.Equal(["community"], notMine.Errors.ToDictionary().Keys);
        Assert.Equal(0, await world.ReadAsync(db => db.Problems.CountAsync(p => p.AuthorId == author.Id, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Post_BeyondTheDailyLimit_IsAConflict(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var author = await world.PersonAsync();
        for (var i = 0; i < Problem.MaxPostedPerDay; i++)
        {
            await world.PostAsync(author, $"Problem number {i}");
        }

        var refused = await world.RunAsync((PostProblem uc) => uc.ExecuteAsync(author.Id, new ProblemInput(
            ProblemKind.Question, "One too many", "", [], null, null, ProblemVisibility.Public), Ct));

        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.Equal(Problem.MaxPostedPerDay, await world.ReadAsync(db => db.Problems.CountAsync(p => p.AuthorId == author.Id, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Edit_ByTheAuthorChangesIt_BySomeoneElseIsNotFoundAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var author = await world.PersonAsync();
        var other = await world.PersonAsync();
        var problem = await world.PostAsync(author, "Original title", "Original body", topics: "sailing");
        var input = new ProblemInput(ProblemKind.Project, "New title", "New body", ["rowing"], "Turku", null, ProblemVisibility.Invited);

        var theirs = await world.RunAsync((EditProblem uc) => uc.ExecuteAsync(other.Id, problem.Id, input, Ct));
        var mine = await world.RunAsync((EditProblem uc) => uc.ExecuteAsync(author.Id, problem.Id, input, Ct));

        Assert.Equal(OutcomeKind.NotFound, theirs.Kind);
        Assert.True(mine.Succeeded, ProblemWorld.Describe(mine));
        Assert.Equal(("New title", ProblemKind.Project, ProblemVisibility.Invited, "Turku"), (mine.Value!.Title, mine.Value.Kind, mine.Value.Visibility, mine.Value.Place));
        Assert.Equal(["rowing"], mine.Value.Topics);
        var view = await world.RunAsync((GetProblem uc) => uc.ExecuteAsync(author.Id, problem.Id, Ct));
        Assert.Equal("New body", view.Value!.Body);
        Assert.NotNull(view.Value.EditedAt);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Get_AnswersNotFoundExactlyWhenTheViewerMayNotSeeIt(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var author = await world.PersonAsync();
        var member = await world.PersonAsync();
        var invitee = await world.PersonAsync();
        var withdrawn = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var slug = await world.CommunityAsync(author, member);
        var inCommunity = await world.PostAsync(author, "Community only", visibility: ProblemVisibility.Community, community: slug);
        var invited = await world.PostAsync(author, "Invited only", visibility: ProblemVisibility.Invited);
        await world.InviteAsync(invited.Id, author, invitee);
        await world.InviteAsync(invited.Id, author, withdrawn, InvitationStatus.Withdrawn);

        async Task<OutcomeKind> Get(Guid viewer, Guid problem) =>
            (await world.RunAsync((GetProblem uc) => uc.ExecuteAsync(viewer, problem, Ct))).Kind;

        Assert.Equal(OutcomeKind.Ok, await Get(member.Id, inCommunity.Id));
        Assert.Equal(OutcomeKind.NotFound, await Get(stranger.Id, inCommunity.Id));
        Assert.Equal(OutcomeKind.Ok, await Get(invitee.Id, invited.Id));
        Assert.Equal(OutcomeKind.NotFound, await Get(withdrawn.Id, invited.Id));
        Assert.Equal(OutcomeKind.NotFound, await Get(member.Id, invited.Id));
        Assert.Equal(OutcomeKind.Ok, await Get(author.Id, invited.Id));
        Assert.Equal(OutcomeKind.NotFound, await Get(author.Id, Guid.NewGuid()));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task List_ShowsAndCountsOnlyWhatTheViewerMaySee_WithFilters(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var author = await world.PersonAsync();
        var member = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var slug = await world.CommunityAsync(author, member);
        var topic = $"t{Guid.NewGuid():N}"[..12];
        var open = await world.PostAsync(author, "Public one", topics: topic);
        var inCommunity = await world.PostAsync(author, "Community one", visibility: ProblemVisibility.Community, community: slug, topics: topic);
        await world.PostAsync(author, "Invited one", visibility: ProblemVisibility.Invited, topics: topic);

        async Task<Page<ProblemSummary>> List(Guid viewer, ProblemListing listing, ProblemFilter filter)
        {
            var page = await world.RunAsync((ListProblems uc) => uc.ExecuteAsync(viewer, listing, filter, new PageRequest(), Ct));
            Assert.True(page.Succeeded, ProblemWorld.Describe(page));
            return page.Value!;
        }

        var byTopicForStranger = await List(stranger.Id, ProblemListing.Visible, new ProblemFilter(topic));
        var byTopicForMember = await List(member.Id, ProblemListing.Visible, new ProblemFilter(topic));
        var mine = await List(author.Id, ProblemListing.Mine, new ProblemFilter());
        var inTheCommunity = await List(member.Id, ProblemListing.Visible, new ProblemFilter(Community: slug));

        Assert.Equal([open.Id], byTopicForStranger.Items.Select(p => p.Id));
        Assert.Equal(1, byTopicForStranger.Total);
        Assert.Equal([inCommunity.Id, open.Id], byTopicForMember.Items.Select(p => p.Id));
        Assert.Equal(2, byTopicForMember.Total);
        Assert.Equal(3, mine.Total);
        Assert.Equal([inCommunity.Id], inTheCommunity.Items.Select(p => p.Id));
        var invalid = await world.RunAsync((ListProblems uc) => uc.ExecuteAsync(
            author.Id, ProblemListing.Visible, new ProblemFilter(Status: (ProblemStatus)42), new PageRequest(Limit: 0), Ct));
        Assert.Equal(["limit", "status"], invalid.Errors.ToDictionary().Keys.Order());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Posting_RoutesTheProblemAtOnce_ToSomeoneWhoseCompetenceMatches_WithWhy(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var rigger = await world.PersonAsync();
        var topic = $"rigging{Guid.NewGuid():N}"[..20];
        await world.ReadAsync(async db =>
        {
            db.Competences.Add(new Rapport.Core.People.Competence { PersonId = rigger.Id, Topic = topic });
            return await db.SaveChangesAsync(Ct);
        });

        var problem = await world.PostAsync(asker, "Forestay tension", "How tight should it be?", ProblemVisibility.Public, null, topic);

        var invitations = await world.ReadAsync(db => db.Invitations.Where(i => i.ProblemId == problem.Id)
            .Select(i => new { i.InviteeId, i.Source, i.Reason }).ToListAsync(Ct));
        var invitation = Assert.Single(invitations, i => i.InviteeId == rigger.Id);
        Assert.Equal(InvitationSource.Routed, invitation.Source);
        Assert.Contains(topic, invitation.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(invitations, i => i.InviteeId == asker.Id);
    }
}
