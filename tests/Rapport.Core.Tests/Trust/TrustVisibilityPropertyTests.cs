using System.Diagnostics;
using System.Threading.Channels;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Tests.Communities;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Trust;

/// <summary>
/// QUALITY.md "one visibility rule, checked two ways", for trust statements: in random worlds stored in a real
/// database, for every (viewer, statement) pair, the single read, every list the viewer can obtain and a plainly written
/// oracle (<see cref="TrustVisibilityOracle"/>) agree:
/// <list type="bullet">
/// <item>GetTrustStatement finds it exactly when the oracle lets the viewer see it, and shows the right statement;</item>
/// <item>no list (statements about each person, my statements with and without revoked ones, my statements about each
/// person) ever shows what GetTrustStatement hides, and each lists it exactly where the oracle says; totals count only that;</item>
/// <item>its history is its author's alone;</item>
/// <item>in acting worlds, changing and revoking succeed for its author only, and refused calls change nothing.</item>
/// </list>
/// A failure prints the shrunk world and the CsCheck seed to replay it (CsCheck_Seed environment variable).
/// </summary>
public sealed class TrustVisibilityPropertyTests
{
    private const int RequiredPairs = 100_000;

    // A world has about 93 pairs on average (up to 8 viewers, up to 40 statements), so 1,250 worlds give ~116,000:
    // well above the floor the assert holds. About a minute on two idle cores.
    private const int SqliteWorlds = 1_250;

    // PostgreSQL round trips are slower: fewer worlds there, for what differs by provider (GUID, text and double mapping, plans).
    private const int PostgresWorlds = 80;
    private const int RequiredPostgresPairs = 4_000;

    private const int Threads = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SingleRead_Lists_AndOracle_AgreeForEveryViewerAndStatement(DatabaseProvider provider)
    {
        var databases = Channel.CreateUnbounded<(VisibilityDatabase Database, string[] Handles)>();
        var all = new List<VisibilityDatabase>();
        try
        {
            for (var i = 0; i < Threads; i++)
            {
                var database = await VisibilityDatabase.CreateAsync(provider);
                all.Add(database);
                await databases.Writer.WriteAsync((database, await HandlesAsync(database)), Ct);
            }

            var counts = new Counts();
            var clock = Stopwatch.StartNew();
            await TrustVisibilityWorld.Gen.SampleAsync(
                async world =>
                {
                    var database = await databases.Reader.ReadAsync(Ct);
                    try
                    {
                        counts.Add(await CheckWorldAsync(database.Database, database.Handles, world));
                    }
                    finally
                    {
                        await databases.Writer.WriteAsync(database, Ct);
                    }
                },
                iter: provider == DatabaseProvider.Sqlite ? SqliteWorlds : PostgresWorlds,
                threads: Threads,
                print: world => world.ToString());

            TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: {counts} in {clock.Elapsed.TotalSeconds:F1} s");
            var required = provider == DatabaseProvider.Sqlite ? RequiredPairs : RequiredPostgresPairs;
            Assert.True(counts.Pairs >= required, $"Only {counts.Pairs} pairs were checked; at least {required} must be.");
        }
        finally
        {
            foreach (var database in all)
            {
                await database.DisposeAsync();
            }
        }
    }

    private static async Task<Counts> CheckWorldAsync(VisibilityDatabase database, string[] handles, TrustVisibilityWorld world)
    {
        var counts = new Counts { Worlds = 1 };
        var ids = await StoreAsync(database, world);
        string Handle(int person) => world.ShoutedHandles ? "@" + handles[person].ToUpperInvariant() : handles[person];

        for (var viewer = 0; viewer < world.People; viewer++)
        {
            var me = database.People[viewer];
            var about = new HashSet<Guid>();
            for (var person = 0; person < world.People; person++)
            {
                var listed = await AllPagesAsync(world, (page, ct) => database.RunAsync((ListTrustStatementsAbout uc) => uc.ExecuteAsync(me, Handle(person), null, page, ct)));
                Assert.True(listed.All(s => s.To.Id == database.People[person]), $"Person {viewer}'s list about {person} holds a statement about someone else.");
                about.UnionWith(listed.Select(s => s.Id));

            }

            // My statements about one person (the filter the person page uses), for the next person round (time).
            var subject = (viewer + 1) % world.People;
            var mineAbout = await AllPagesAsync(world, (page, ct) => database.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(me, new(About: Handle(subject)), page, ct)));
            var expected = world.Statements.Select((s, i) => (s, i)).Where(x => x.s.To == subject && TrustVisibilityOracle.ListedMine(viewer, x.s, false)).Select(x => ids[x.i]);
            Assert.True(expected.Order().SequenceEqual(mineAbout.Select(s => s.Id).Order()), $"Person {viewer}'s own statements about {subject} differ from the oracle's.");

            var mine = (await AllPagesAsync(world, (page, ct) => database.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(me, new(), page, ct))))
                .Select(s => s.Id).ToHashSet();
            var mineWithRevoked = (await AllPagesAsync(world, (page, ct) => database.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(me, new(IncludeRevoked: true), page, ct))))
                .Select(s => s.Id).ToHashSet();

            for (var i = 0; i < world.Statements.Count; i++)
            {
                var spec = world.Statements[i];
                var id = ids[i];
                var pair = $"person {viewer} and statement {i} ({spec})";
                var single = await database.RunAsync((GetTrustStatement uc) => uc.ExecuteAsync(me, id, Ct));
                var canSee = TrustVisibilityOracle.CanSee(world, viewer, spec);

                Assert.True(single.Kind is OutcomeKind.Ok or OutcomeKind.NotFound, $"{pair}: GetTrustStatement said {single.Kind}.");
                Assert.True(canSee == single.Succeeded, $"{pair}: GetTrustStatement said {single.Kind}, the oracle disagrees.");
                Assert.True(canSee || !(about.Contains(id) || mine.Contains(id) || mineWithRevoked.Contains(id)), $"{pair}: a list shows what GetTrustStatement hides.");
                Assert.True(TrustVisibilityOracle.ListedAbout(world, viewer, spec) == about.Contains(id), $"{pair}: {(about.Contains(id) ? "" : "not ")}listed about its subject, the oracle disagrees.");
                Assert.True(TrustVisibilityOracle.ListedMine(viewer, spec, false) == mine.Contains(id), $"{pair}: my current statements disagree with the oracle.");
                Assert.True(TrustVisibilityOracle.ListedMine(viewer, spec, true) == mineWithRevoked.Contains(id), $"{pair}: my statements with revoked ones disagree with the oracle.");
                if (single.Value is { } view)
                {
                    Assert.Equal((id, database.People[spec.From], database.People[spec.To], spec.Value, spec.Visibility, spec.Revoked, spec.From == viewer),
                        (view.Id, view.From.Id, view.To.Id, view.Value, view.Visibility, view.IsRevoked, view.IsMine));
                    Assert.True(TrustVisibilityOracle.Lapsed(world, spec) == view.CommunityLapsed, $"{pair}: CommunityLapsed is {view.CommunityLapsed}.");
                }

                if (viewer == spec.From || viewer == spec.To || canSee)
                {
                    // The callers a mistake could let through: its author, its subject, anyone who sees it.
                    var history = await database.RunAsync((GetTrustStatementHistory uc) => uc.ExecuteAsync(me, id, Ct));
                    Assert.True((viewer == spec.From) == history.Succeeded, $"{pair}: history said {history.Kind}.");
                }

                counts.Pairs++;
            }
        }

        if (world.Acts)
        {
            await ActAsync(database, world, ids, counts);
        }

        return counts;
    }

    /// <summary>Everyone but the author tries to change and revoke each statement (refused, nothing changes); then the author revokes it.</summary>
    private static async Task ActAsync(VisibilityDatabase database, TrustVisibilityWorld world, IReadOnlyList<Guid> ids, Counts counts)
    {
        var before = await FingerprintAsync(database);
        for (var i = 0; i < world.Statements.Count; i++)
        {
            for (var viewer = 0; viewer < world.People; viewer++)
            {
                if (viewer == world.Statements[i].From)
                {
                    continue;
                }

                var me = database.People[viewer];
                var change = await database.RunAsync((ChangeTrustStatement uc) => uc.ExecuteAsync(me, ids[i], new TrustStatementChange(1, TrustVisibility.Public, null, "taken over"), Ct));
                var revoke = await database.RunAsync((RevokeTrustStatement uc) => uc.ExecuteAsync(me, ids[i], Ct));
                Assert.True(change.Kind == OutcomeKind.NotFound && revoke.Kind == OutcomeKind.NotFound, $"Person {viewer} acting on statement {i}: {change.Kind}, {revoke.Kind}.");
                counts.Acts += 2;
            }
        }

        Assert.Equal(before, await FingerprintAsync(database));
        for (var i = 0; i < world.Statements.Count; i++)
        {
            var author = database.People[world.Statements[i].From];
            Assert.True((await database.RunAsync((RevokeTrustStatement uc) => uc.ExecuteAsync(author, ids[i], Ct))).Succeeded);
            for (var viewer = 0; viewer < world.People; viewer++)
            {
                var seen = await database.RunAsync((GetTrustStatement uc) => uc.ExecuteAsync(database.People[viewer], ids[i], Ct));
                Assert.True((viewer == world.Statements[i].From) == seen.Succeeded, $"Revoked statement {i} is {seen.Kind} for person {viewer}.");
            }
        }
    }

    private static async Task<List<TrustStatementView>> AllPagesAsync(
        TrustVisibilityWorld world, Func<PageRequest, CancellationToken, Task<Outcome<Page<TrustStatementView>>>> list)
    {
        var items = new List<TrustStatementView>();
        while (true)
        {
            var page = await list(new PageRequest(world.PageSize, items.Count), Ct);
            Assert.Equal(OutcomeKind.Ok, page.Kind);
            items.AddRange(page.Value!.Items);
            if (!page.Value.HasNext)
            {
                Assert.Equal(page.Value.Total, items.Count);
                Assert.Equal(items.Count, items.Select(s => s.Id).Distinct().Count());
                return items;
            }
        }
    }

    /// <summary>Replaces the stored world: communities tv-0.., their members, and the statements (directly, in states time produces).</summary>
    private static async Task<IReadOnlyList<Guid>> StoreAsync(VisibilityDatabase database, TrustVisibilityWorld world)
    {
        await using var db = database.CreateContext();
        await db.TrustStatements.ExecuteDeleteAsync(Ct); // versions cascade
        await db.Communities.ExecuteDeleteAsync(Ct); // memberships cascade
        var now = database.Clock.GetUtcNow();
        var communities = new List<Community>();
        for (var c = 0; c < world.Members.Count; c++)
        {
            var community = new Community { Id = Guid.NewGuid(), Slug = $"tv-{c}", Name = $"Trust visibility {c}", MembershipMode = MembershipMode.Open, CreatedAt = now };
            community.Memberships.AddRange(Enumerable.Range(0, world.People).Where(p => world.IsMember(p, c))
                .Select(p => new Membership { PersonId = database.People[p], Role = CommunityRole.Member, JoinedAt = now }));
            communities.Add(community);
        }

        db.Communities.AddRange(communities);
        var statements = world.Statements.Select((s, i) => new TrustStatement
        {
            Id = Guid.NewGuid(),
            FromId = database.People[s.From],
            ToId = database.People[s.To],
            Topic = TrustVisibilityWorld.Topics[s.Topic],
            Value = s.Value,
            Visibility = s.Visibility,
            CommunityId = s.Visibility == TrustVisibility.Community ? communities[s.Community].Id : null,
            Note = "", // notes render per view (Markdown, sanitizer): the rule under test does not depend on them
            CreatedAt = now.AddDays(-1),
            ChangedAt = now.AddMinutes(-i),
            RevokedAt = s.Revoked ? now.AddMinutes(-i) : null,
            Sequence = i + 1,
        }).ToList();
        db.TrustStatements.AddRange(statements);
        await db.SaveChangesAsync(Ct);
        return statements.Select(s => s.Id).ToList();
    }

    private static async Task<string[]> HandlesAsync(VisibilityDatabase database)
    {
        await using var db = database.CreateContext();
        var handles = await db.People.Where(p => database.People.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Handle, Ct);
        return database.People.Select(id => handles[id]).ToArray();
    }

    private static async Task<string> FingerprintAsync(VisibilityDatabase database)
    {
        await using var db = database.CreateContext();
        var statements = await db.TrustStatements.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => $"{s.Id}|{s.Value}|{s.Visibility}|{s.Note}|{s.RevokedAt}|{s.Sequence}").ToListAsync(Ct);
        return string.Join("\n", statements) + $"\n{await db.TrustStatementVersions.CountAsync(Ct)} versions, {await db.TrustChanges.CountAsync(Ct)} changes";
    }

    private sealed class Counts
    {
        private readonly Lock _lock = new();

        public long Worlds { get; set; }

        public long Pairs { get; set; }

        public long Acts { get; set; }

        public void Add(Counts world)
        {
            lock (_lock)
            {
                Worlds += world.Worlds;
                Pairs += world.Pairs;
                Acts += world.Acts;
            }
        }

        public override string ToString() => $"{Worlds} worlds, {Pairs} (viewer, statement) pairs, {Acts} refused change/revoke attempts";
    }
}
