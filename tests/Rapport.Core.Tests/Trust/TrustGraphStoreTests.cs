using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;
using Rapport.Trust.Graph;

namespace Rapport.Core.Tests.Trust;

/// <summary>
/// The graph replica's reading of the database: what it loads (and as which scope), what the change log makes it
/// re-read, and when it must start over. These run against the reader directly; <see cref="TrustQueryTests"/> covers the
/// replica through the engine.
/// </summary>
public sealed class TrustGraphStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Ada states public, community, lapsed (she left), private and revoked statements about Bo.</summary>
    private sealed record Cast(Rapport.Core.People.Person Ada, Rapport.Core.People.Person Bo, Rapport.Core.People.Person Cy, string Shared, string Left);

    private static async Task<Cast> CastAsync(TrustWorld world)
    {
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var cy = await world.PersonAsync();
        var shared = await world.CommunityAsync(ada, bo, cy);
        var left = await world.CommunityAsync(cy, ada);
        await world.StateAsync(ada, bo, 0.6, "sailing");
        await world.StateAsync(ada, bo, 0.25, "piloting", TrustVisibility.Community, shared);
        await world.StateAsync(ada, bo, 1, "navigation", TrustVisibility.Community, left);
        await world.StateAsync(ada, bo, -1, visibility: TrustVisibility.Private);
        var revoked = await world.StateAsync(ada, bo, 0.6, "knitting");
        await world.RevokeAsync(ada, revoked.Id);
        await world.LeaveAsync(left, ada);
        await world.StateAsync(bo, cy, -0.5, "piloting", TrustVisibility.Community, shared);
        return new Cast(ada, bo, cy, shared, left);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ReadAll_LoadsCurrentStatements_WithALeftCommunitysStatementAsPrivate_AndTheHeadAsVersion(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await CastAsync(world);
        var index = new TrustGraphIndex();

        var load = await world.ReadAsync(db => TrustGraphReader.ReadAllAsync(db, index, Ct));

        Assert.Equal(await HeadAsync(world), load.Version);
        Assert.Equal(Sorted(
        [
            $"{c.Ada.Id}→{c.Bo.Id} '' -1 Private",
            $"{c.Ada.Id}→{c.Bo.Id} 'navigation' 1 Private", // she left that community: hers alone now
            $"{c.Ada.Id}→{c.Bo.Id} 'piloting' 0.25 Community",
            $"{c.Ada.Id}→{c.Bo.Id} 'sailing' 0.6 Public",
            $"{c.Bo.Id}→{c.Cy.Id} 'piloting' -0.5 Community",
        ]), Sorted(load.Edges.Select(e => Describe(index, e))));
        var community = load.Edges.Where(e => e.Scope == EdgeScope.Community).Select(e => e.Community).Distinct();
        Assert.Single(community); // both community edges name the one community they share
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ReadChanges_AfterWritesLeavingRejoiningAndDeletion_UpsertsAndRemovesExactlyWhatChanged(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await CastAsync(world);
        var dee = await world.PersonAsync();
        await world.StateAsync(dee, c.Ada, 0.6);
        await world.StateAsync(c.Ada, dee, 0.25, "rust");
        var index = new TrustGraphIndex();
        var load = await world.ReadAsync(db => TrustGraphReader.ReadAllAsync(db, index, Ct));

        await world.StateAsync(c.Cy, c.Ada, 1, "sailing");                // new
        await world.LeaveAsync(c.Shared, c.Bo);                            // Bo's community statement goes private
        await world.JoinAsync(c.Left, c.Ada);                              // Ada's lapsed one reaches the community again
        var sailing = (await world.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(c.Ada.Id, new(Topic: "sailing"), new(), Ct))).Value!.Items.Single();
        await world.RevokeAsync(c.Ada, sailing.Id);                        // gone
        await world.DeleteAccountAsync(dee);                               // both of Dee's statements gone

        var batch = await world.ReadAsync(db => TrustGraphReader.ReadChangesAsync(db, index, load.Version, Ct));

        Assert.NotNull(batch);
        Assert.Equal(await HeadAsync(world), batch.Version);
        Assert.Equal(Sorted(
        [
            $"{c.Ada.Id}→{c.Bo.Id} 'navigation' 1 Community",
            $"{c.Bo.Id}→{c.Cy.Id} 'piloting' -0.5 Private",
            $"{c.Cy.Id}→{c.Ada.Id} 'sailing' 1 Public",
        ]), Sorted(batch.Upserts.Select(e => Describe(index, e))));
        Assert.Equal(Sorted(
        [
            $"{c.Ada.Id}→{c.Bo.Id} 'sailing'",
            $"{c.Ada.Id}→{dee.Id} 'rust'",
            $"{dee.Id}→{c.Ada.Id} ''",
        ]), Sorted(batch.Removals.Select(k => Describe(index, k))));
        // Nothing of Dee's remains in the database either, and the log holds only what the graph needs: keys.
        Assert.False(await world.ReadAsync(db => db.TrustStatements.AnyAsync(s => s.FromId == dee.Id || s.ToId == dee.Id, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ReadChanges_WithNothingNew_IsAnEmptyBatch_AndWithPrunedEntries_AsksForARebuild(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var c = await CastAsync(world);
        var index = new TrustGraphIndex();
        var load = await world.ReadAsync(db => TrustGraphReader.ReadAllAsync(db, index, Ct));

        var nothing = await world.ReadAsync(db => TrustGraphReader.ReadChangesAsync(db, index, load.Version, Ct));
        await world.StateAsync(c.Cy, c.Bo, 0.6);
        await world.StateAsync(c.Cy, c.Ada, 0.6);
        await world.ReadAsync(db => db.TrustChanges.Where(e => e.Sequence == load.Version + 1).ExecuteDeleteAsync(Ct)); // pruned
        var pruned = await world.ReadAsync(db => TrustGraphReader.ReadChangesAsync(db, index, load.Version, Ct));
        var fromHere = await world.ReadAsync(db => TrustGraphReader.ReadChangesAsync(db, index, load.Version + 1, Ct));

        Assert.Equal((0, 0, load.Version), (nothing!.Upserts.Length, nothing.Removals.Length, nothing.Version));
        Assert.Null(pruned);
        Assert.Single(fromHere!.Upserts);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ChangeLog_HasNoGaps_AndEveryVersionIsAtItsPosition(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var ada = await world.PersonAsync();
        var people = new List<Rapport.Core.People.Person>();
        for (var i = 0; i < 6; i++)
        {
            people.Add(await world.PersonAsync());
        }

        // Concurrent writers: the head lock must keep positions contiguous and in commit order.
        await Task.WhenAll(people.Select((p, i) => world.StateAsync(p, ada, 0.25 + (i * 0.1))));
        await Task.WhenAll(people.Select(p => world.StateAsync(ada, p, 0.6)));

        var sequences = await world.ReadAsync(db => db.TrustChanges.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct));
        var versions = await world.ReadAsync(db => db.TrustStatementVersions.OrderBy(v => v.Sequence).Select(v => v.Sequence).ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.Equal(await HeadAsync(world), sequences[^1]);
        Assert.Equal(12, versions.Count);
        Assert.All(versions, v => Assert.Contains(v, sequences));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Store_FirstUse_LoadsEveryCurrentStatementAtTheHead(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        await CastAsync(world);

        var graph = await world.Store.GetAsync(Ct);

        Assert.Equal(await HeadAsync(world), graph.Version);
        Assert.Equal(5, graph.Snapshot.EdgeCount);
        Assert.Equal(1, world.Store.Rebuilds);
        Assert.Same(graph, await world.Store.GetAsync(Ct)); // readers share the published graph until a refresh
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Writes_BeforeTheGraphIsLoaded_DoNotLoadIt(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);

        await CastAsync(world);

        Assert.Null(world.Store.Current);
        Assert.Equal(0, world.Store.Rebuilds);
    }

    private static List<string> Sorted(IEnumerable<string> lines) => lines.Order(StringComparer.Ordinal).ToList();

    private static Task<long> HeadAsync(TrustWorld world) => world.ReadAsync(db => db.TrustChangeHeads.Select(h => h.Sequence).SingleAsync(Ct));

    private static string Describe(TrustGraphIndex index, StatementEdge edge)
    {
        var (people, topics, _) = index.Reverse();
        return $"{people[edge.From]}→{people[edge.To]} '{topics[edge.Topic]}' {edge.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {edge.Scope}";
    }

    private static string Describe(TrustGraphIndex index, EdgeKey key)
    {
        var (people, topics, _) = index.Reverse();
        return $"{people[key.From]}→{people[key.To]} '{topics[key.Topic]}'";
    }
}
