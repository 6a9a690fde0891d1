using Rapport.Core.Invitations;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Microsoft.EntityFrameworkCore;

namespace Rapport.Core.Tests.Problems;

public sealed class SimilarProblemsTests(ProblemWorlds worlds) : IClassFixture<ProblemWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A word no other test uses (letters and digits, as search words are).</summary>
    private static string Word() => $"w{Guid.NewGuid():N}"[..12];

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Similar_RanksTitleMatchesFirst_AndOnlyShowsWhatTheViewerMaySee(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var viewer = await world.PersonAsync();
        var (crane, winch) = (Word(), Word());
        var both = await world.PostAsync(asker, $"Need a {crane} and a {winch}", "For the boat.");
        var titleOnly = await world.PostAsync(asker, $"Old {crane} for sale?", "Anything works.");
        var bodyOnly = await world.PostAsync(asker, "Lifting question", $"Maybe a {winch} would do.");
        var invited = await world.PostAsync(asker, "Invited", $"{crane} {winch}", ProblemVisibility.Invited);
        await world.PostAsync(asker, "Unrelated", "Nothing to see.");

        var found = await Similar(world, viewer.Id, $"The {crane}, {winch}!");

        Assert.Equal([both.Id, titleOnly.Id, bodyOnly.Id], found.Select(f => f.Problem.Id));
        Assert.Equal([2 * ProblemSearch.TitleWeight, ProblemSearch.TitleWeight, ProblemSearch.BodyWeight], found.Select(f => f.Relevance));
        Assert.DoesNotContain(invited.Id, found.Select(f => f.Problem.Id));
        await world.InviteAsync(invited.Id, asker, viewer);
        Assert.Contains(invited.Id, (await Similar(world, viewer.Id, crane)).Select(f => f.Problem.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Similar_IsNotChangedInAnyWayByProblemsTheViewerMayNotSee(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var viewer = await world.PersonAsync();
        var (a, b) = (Word(), Word());
        for (var i = 0; i < 3; i++)
        {
            await world.PostAsync(asker, $"Visible {i} {a}", i % 2 == 0 ? b : "");
        }

        var before = await Similar(world, viewer.Id, $"{a} {b}", limit: 2);
        // Many invisible problems, matching better and newer than every visible one.
        var slug = await world.CommunityAsync(asker);
        for (var i = 0; i < 4; i++)
        {
            await world.PostAsync(asker, $"{a} {b} hidden {i}", $"{a} {b}", i % 2 == 0 ? ProblemVisibility.Invited : ProblemVisibility.Community, slug);
        }

        var after = await Similar(world, viewer.Id, $"{a} {b}", limit: 2);

        Assert.Equal(2, before.Count);
        Assert.Equal(before.Select(f => (f.Problem.Id, f.Relevance)), after.Select(f => (f.Problem.Id, f.Relevance)));
        Assert.Equal(2, (await Similar(world, asker.Id, $"{a} {b}", limit: 2)).Count(f => f.Problem.Title.Contains("hidden", StringComparison.Ordinal)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TheSearchIndex_FollowsEditsAndDeletions(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var asker = await world.PersonAsync();
        var (before, after) = (Word(), Word());
        var problem = await world.PostAsync(asker, $"Title with {before}", $"Body {before}");

        var edited = await world.RunAsync((EditProblem uc) => uc.ExecuteAsync(asker.Id, problem.Id,
            new ProblemInput(ProblemKind.Question, $"Title with {after}", "Body", [], null, null, ProblemVisibility.Public), Ct));
        Assert.True(edited.Succeeded, ProblemWorld.Describe(edited));
        Assert.Empty(await Similar(world, asker.Id, before));
        Assert.Equal([problem.Id], (await Similar(world, asker.Id, after)).Select(f => f.Problem.Id));

        await using (var db = world.Database.CreateContext())
        {
            await db.Problems.Where(p => p.Id == problem.Id).ExecuteDeleteAsync(Ct);
        }

        Assert.Empty(await Similar(world, asker.Id, after));
        await world.PostAsync(asker, $"Again {after}");
        Assert.Single(await Similar(world, asker.Id, after));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Similar_WithoutSearchableWords_AnswersNothing_AndRefusesBadLimits(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var viewer = await world.PersonAsync();
        await world.PostAsync(viewer, "How can the and for");

        Assert.Empty(await Similar(world, viewer.Id, "how can the AND for? \" * OR NEAR("));
        var bad = await world.RunAsync((FindSimilarProblems uc) => uc.ExecuteAsync(viewer.Id, "x", FindSimilarProblems.MaxLimit + 1, Ct));
        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
    }

    private static async Task<IReadOnlyList<SimilarProblem>> Similar(ProblemWorld world, Guid viewer, string query, int? limit = null)
    {
        var found = await world.RunAsync((FindSimilarProblems uc) => uc.ExecuteAsync(viewer, query, limit, TestContext.Current.CancellationToken));
        Assert.True(found.Succeeded, ProblemWorld.Describe(found));
        return found.Value!;
    }
}
