using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Trust;

public sealed class TrustStatementQueryTests(TrustWorlds worlds) : IClassFixture<TrustWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Ada states five statements about Bo: public, shared with a community Cy is in, shared with one nobody else is in, private, and revoked.</summary>
    private sealed record Cast(Rapport.Core.People.Person Ada, Rapport.Core.People.Person Bo, Rapport.Core.People.Person Cy, Rapport.Core.People.Person Dee, string Shared,
        TrustStatementView Public, TrustStatementView Community, TrustStatementView Lapsed, TrustStatementView Private, TrustStatementView Revoked);

    private static async Task<Cast> CastAsync(TrustWorld world)
    {
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var cy = await world.PersonAsync();
        var dee = await world.PersonAsync();
        var shared = await world.CommunityAsync(ada, bo, cy);
        var left = await world.CommunityAsync(cy, ada, dee);
        var @public = await world.StateAsync(ada, bo, 0.6, "sailing");
        var community = await world.StateAsync(ada, bo, 0.25, "piloting", TrustVisibility.Community, shared);
        var lapsed = await world.StateAsync(ada, bo, 1, "navigation", TrustVisibility.Community, left);
        await world.LeaveAsync(left, ada); // Dee and Cy stay: the statement must now reach neither
        var @private = await world.StateAsync(ada, bo, -1, "rowing", TrustVisibility.Private);
        var revoked = await world.StateAsync(ada, bo, 0.6, "knitting");
        await world.RevokeAsync(ada, revoked.Id);
        return new Cast(ada, bo, cy, dee, shared, @public, community, lapsed, @private, revoked);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task GetStatement_FollowsTheVisibilityRule_ForEveryViewer(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var c = await CastAsync(world);
        var stranger = await world.PersonAsync();

        async Task<string> SeenBy(Rapport.Core.People.Person viewer)
        {
            var seen = new List<string>();
            foreach (var (name, statement) in new[] { ("public", c.Public), ("community", c.Community), ("lapsed", c.Lapsed), ("private", c.Private), ("revoked", c.Revoked) })
            {
                var outcome = await world.RunAsync((GetTrustStatement uc) => uc.ExecuteAsync(viewer.Id, statement.Id, Ct));
                Assert.True(outcome.Kind is OutcomeKind.Ok or OutcomeKind.NotFound);
                if (outcome.Succeeded)
                {
                    seen.Add(name);
                }
            }

            return string.Join(",", seen);
        }

        Assert.Equal("public,community,lapsed,private,revoked", await SeenBy(c.Ada));
        Assert.Equal("public,community", await SeenBy(c.Bo)); // the subject sees no private statement about them
        Assert.Equal("public,community", await SeenBy(c.Cy));
        Assert.Equal("public", await SeenBy(c.Dee)); // still in the community Ada left
        Assert.Equal("public", await SeenBy(stranger));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ListAbout_ShowsWhatTheViewerMaySee_CountedTheSameWay(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var c = await CastAsync(world);
        var bosOwn = await world.StateAsync(c.Cy, c.Bo, 0.25, visibility: TrustVisibility.Private);

        async Task<(int Total, List<Guid> Ids)> AboutBoFor(Rapport.Core.People.Person viewer, string? topic = null)
        {
            var page = await world.RunAsync((ListTrustStatementsAbout uc) => uc.ExecuteAsync(viewer.Id, c.Bo.Handle, topic, new PageRequest(100), Ct));
            return (page.Value!.Total, page.Value.Items.Select(s => s.Id).ToList());
        }

        Assert.Equal(Sorted(2, c.Public.Id, c.Community.Id), Sorted(await AboutBoFor(c.Bo)));
        Assert.Equal(Sorted(3, c.Public.Id, c.Community.Id, bosOwn.Id), Sorted(await AboutBoFor(c.Cy)));
        Assert.Equal(Sorted(1, c.Public.Id), Sorted(await AboutBoFor(c.Dee)));
        Assert.Equal(Sorted(4, c.Public.Id, c.Community.Id, c.Lapsed.Id, c.Private.Id), Sorted(await AboutBoFor(c.Ada)));
        Assert.Equal(Sorted(1, c.Community.Id), Sorted(await AboutBoFor(c.Cy, " PILOTING ")));
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((ListTrustStatementsAbout uc) => uc.ExecuteAsync(c.Ada.Id, "nobody_here", null, new PageRequest(), Ct))).Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ListMine_FiltersByPersonAndTopic_AndPagesNewestFirst(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var c = await CastAsync(world);
        var aboutCy = await world.StateAsync(c.Ada, c.Cy, 0.6, "sailing");

        var all = await world.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(c.Ada.Id, new(), new PageRequest(2, 0), Ct));
        var second = await world.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(c.Ada.Id, new(), new PageRequest(2, 2), Ct));
        var aboutBo = await world.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(c.Ada.Id, new(About: "@" + c.Bo.Handle), new PageRequest(100), Ct));
        var sailing = await world.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(c.Ada.Id, new(Topic: "Sailing"), new PageRequest(100), Ct));
        var bad = await world.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(c.Ada.Id, new(Topic: new string('x', 61)), new PageRequest(0, -1), Ct));

        Assert.Equal(5, all.Value!.Total); // four about Bo (the revoked one left out) and one about Cy
        Assert.Equal([aboutCy.Id, c.Private.Id, c.Lapsed.Id, c.Community.Id], all.Value.Items.Concat(second.Value!.Items).Select(s => s.Id));
        Assert.Equal(4, aboutBo.Value!.Total);
        Assert.Equal([aboutCy.Id, c.Public.Id], sailing.Value!.Items.Select(s => s.Id));
        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
        Assert.Equal(["limit", "offset", "topic"], bad.Errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Empty((await world.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(c.Bo.Id, new(), new PageRequest(), Ct))).Value!.Items);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task History_IsTheAuthorsAlone_EvenForAPublicStatement(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var c = await CastAsync(world);
        // Once private with a telling note, now public: the old version must not show through.
        var statement = await world.StateAsync(c.Ada, c.Cy, -1, visibility: TrustVisibility.Private, note: "Never again.");
        await world.StateAsync(c.Ada, c.Cy, 0.6);

        var others = new[] { c.Bo, c.Cy, c.Dee };

        Assert.Equal(2, (await world.RunAsync((GetTrustStatementHistory uc) => uc.ExecuteAsync(c.Ada.Id, statement.Id, Ct))).Value!.Versions.Count);
        foreach (var viewer in others)
        {
            Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((GetTrustStatementHistory uc) => uc.ExecuteAsync(viewer.Id, statement.Id, Ct))).Kind);
            Assert.True((await world.RunAsync((GetTrustStatement uc) => uc.ExecuteAsync(viewer.Id, statement.Id, Ct))).Succeeded);
        }
    }

    private static string Sorted((int Total, List<Guid> Ids) page) => Sorted(page.Total, [.. page.Ids]);

    private static string Sorted(int total, params Guid[] ids) => $"{total}: {string.Join(", ", ids.Order())}";
}
