using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Trust;

/// <summary>
/// Trust from a viewer's perspective through the graph replica and the engine (TrustQueries): levels, explanations, the
/// web of trust, and that the replica follows writes, membership changes and deletions.
/// </summary>
public sealed class TrustQueryTests
{
    private const double Tolerance = 1e-5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Ada trusts Bo completely; Bo trusts Cy a lot on sailing; Ada distrusts Dee, whom Bo trusts.</summary>
    private sealed record Chain(Person Ada, Person Bo, Person Cy, Person Dee);

    private static async Task<Chain> ChainAsync(TrustWorld world)
    {
        var chain = new Chain(await world.PersonAsync(), await world.PersonAsync(), await world.PersonAsync("sailing"), await world.PersonAsync());
        await world.StateAsync(chain.Ada, chain.Bo, 1);
        await world.StateAsync(chain.Bo, chain.Cy, 0.6, "sailing");
        await world.StateAsync(chain.Ada, chain.Dee, -1);
        await world.StateAsync(chain.Bo, chain.Dee, 1);
        return chain;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TrustIn_WithTheViewersOwnStatement_IsThatStatementsValue(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await ChainAsync(world);

        var trust = await world.RunAsync((GetTrustIn uc) => uc.ExecuteAsync(c.Ada.Id, c.Bo.Handle, null, Ct));

        Assert.Equal(1.0, trust.Value!.Level!.Value, Tolerance);
        Assert.Equal(1.0, Assert.Single(trust.Value.MyStatements).Value);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TrustIn_ThroughSomeoneTrusted_IsTheStrongestPath_AndWhyShowsItInPeople(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await ChainAsync(world);

        var trust = await world.RunAsync((GetTrustIn uc) => uc.ExecuteAsync(c.Ada.Id, c.Cy.Handle, "Sailing", Ct));
        var why = await world.RunAsync((ExplainTrust uc) => uc.ExecuteAsync(c.Ada.Id, c.Cy.Handle, "sailing", Ct));

        // Ada's trust in Bo is general, not on sailing: that hop counts at the fallback discount (0.5), so 1 × 0.5 × 0.6.
        Assert.Equal(0.3, trust.Value!.Level!.Value, Tolerance);
        Assert.Empty(trust.Value.MyStatements);
        var path = why.Value!.Paths[0];
        Assert.Equal(0.3, path.Strength, Tolerance);
        Assert.Equal([(c.Ada.Handle, c.Bo.Handle, null), (c.Bo.Handle, c.Cy.Handle, (string?)"sailing")],
            path.Hops.Select(h => (h.From.Handle, h.To.Handle, h.Topic)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TrustIn_WithNothingConnectingThem_IsNull_AndWhyIsEmpty(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await ChainAsync(world);
        var eve = await world.PersonAsync();
        await world.StateAsync(eve, c.Ada, 1); // Eve trusts Ada; nothing leads from Ada to Eve

        var trust = await world.RunAsync((GetTrustIn uc) => uc.ExecuteAsync(c.Ada.Id, eve.Handle, null, Ct));
        var why = await world.RunAsync((ExplainTrust uc) => uc.ExecuteAsync(c.Ada.Id, eve.Handle, null, Ct));

        Assert.Null(trust.Value!.Level);
        Assert.Empty(why.Value!.Paths);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SomeoneElsesPrivateStatement_ChangesNothingAnyoneElseSees_ButCountsForTheirAuthor(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await ChainAsync(world);
        var eve = await world.PersonAsync();
        var before = await EverythingAdaSeesAsync(world, c, eve);

        await world.StateAsync(c.Bo, eve, 1, visibility: TrustVisibility.Private);
        await world.Store.RefreshAsync(Ct);

        Assert.Equal(before, await EverythingAdaSeesAsync(world, c, eve));
        Assert.Equal(1.0, (await LevelAsync(world, c.Bo, eve))!.Value, Tolerance);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task MakingAStatementPrivate_TakesItOutOfEveryoneElsesPaths(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await ChainAsync(world);
        await world.Store.GetAsync(Ct);

        await world.StateAsync(c.Bo, c.Cy, 1, "sailing", TrustVisibility.Private); // was public 0.6

        Assert.Empty((await world.RunAsync((ExplainTrust uc) => uc.ExecuteAsync(c.Ada.Id, c.Cy.Handle, "sailing", Ct))).Value!.Paths);
        Assert.Null(await LevelAsync(world, c.Ada, c.Cy, "sailing"));
        Assert.DoesNotContain((await WebAsync(world, c.Ada)).People, p => p.Person.Id == c.Cy.Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CommunityStatements_ReachMembersOnly_AndStopWhenTheirAuthorLeaves(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await ChainAsync(world);
        var eve = await world.PersonAsync();
        var slug = await world.CommunityAsync(c.Ada, c.Bo); // Ada hosts, so Bo may leave
        await world.StateAsync(c.Dee, c.Bo, 1); // Dee reaches Bo too, but is not in the community
        await world.StateAsync(c.Bo, eve, 0.6, visibility: TrustVisibility.Community, community: slug);
        await world.Store.GetAsync(Ct);

        Assert.Equal(0.6, (await LevelAsync(world, c.Ada, eve))!.Value, Tolerance);
        Assert.Null(await LevelAsync(world, c.Dee, eve));

        await world.LeaveAsync(slug, c.Bo); // the store catches up on this node at once

        Assert.Null(await LevelAsync(world, c.Ada, eve));
        Assert.Equal(0.6, (await LevelAsync(world, c.Bo, eve))!.Value, Tolerance); // still his, privately
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task WebOfTrust_ListsWhomTheViewerCanTrust_BestFirst_WithPaths_NeverTheViewerOrSomeoneTheyDistrust(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await ChainAsync(world);

        var web = await WebAsync(world, c.Ada);
        var sailing = await world.RunAsync((GetWebOfTrust uc) => uc.ExecuteAsync(c.Ada.Id, "sailing", 10, Ct));

        Assert.Equal(c.Bo.Id, web.People[0].Person.Id);
        Assert.DoesNotContain(web.People, p => p.Person.Id == c.Ada.Id || p.Person.Id == c.Dee.Id);
        Assert.True(web.People.Zip(web.People.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.All(web.People.Take(GetWebOfTrust.PathsShown), p => Assert.Equal(c.Ada.Id, p.StrongestPath!.Hops[0].From.Id));
        Assert.Contains(sailing.Value!.People, p => p.Person.Id == c.Cy.Id);
        Assert.Equal("sailing", sailing.Value.Topic);
        Assert.Equal(OutcomeKind.Invalid, (await world.RunAsync((GetWebOfTrust uc) => uc.ExecuteAsync(c.Ada.Id, null, 101, Ct))).Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Replica_FollowsWritesIncrementally_AndForgetsRevokedAndDeleted(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await ChainAsync(world);
        var graph = await world.Store.GetAsync(Ct);
        Assert.Equal(4, graph.Snapshot.EdgeCount);

        var eve = await world.PersonAsync();
        var statement = await world.StateAsync(c.Cy, eve, 1);           // caught up by the write itself
        Assert.Equal(5, world.Store.Current!.Snapshot.EdgeCount);
        await world.RevokeAsync(c.Cy, statement.Id);
        Assert.Equal(4, world.Store.Current!.Snapshot.EdgeCount);
        await world.DeleteAccountAsync(c.Dee);                            // two statements about Dee go
        Assert.Equal(2, world.Store.Current!.Snapshot.EdgeCount);
        Assert.Equal(1, world.Store.Rebuilds);                            // all of it without reading everything again
        Assert.DoesNotContain((await WebAsync(world, c.Ada)).People, p => p.Person.Id == c.Dee.Id);
    }

    private static async Task<double?> LevelAsync(TrustWorld world, Person viewer, Person target, string? topic = null) =>
        (await world.RunAsync((GetTrustIn uc) => uc.ExecuteAsync(viewer.Id, target.Handle, topic, Ct))).Value!.Level;

    private static async Task<WebOfTrust> WebAsync(TrustWorld world, Person viewer) =>
        (await world.RunAsync((GetWebOfTrust uc) => uc.ExecuteAsync(viewer.Id, null, 50, Ct))).Value!;

    private static async Task<string> EverythingAdaSeesAsync(TrustWorld world, Chain c, Person eve)
    {
        var web = await WebAsync(world, c.Ada);
        var levels = new List<double?>();
        foreach (var target in new[] { c.Bo, c.Cy, c.Dee, eve })
        {
            levels.Add(await LevelAsync(world, c.Ada, target));
        }

        return string.Join(";", web.People.Select(p => $"{p.Person.Id}:{p.Score}")) + "|" + string.Join(";", levels);
    }
}
