using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// A seeded synthetic network written through EF in batches: people (with accounts that cannot sign in), power-law
/// public trust (activity and popularity both heavy-tailed, ~10 statements per person), items with one topic each and
/// recommendations by heavy-tailed recommenders (a tenth of them private). Only current rows are written (no version
/// history), which is all the feed reads. The same seed gives the same network.
/// </summary>
internal sealed class FeedBenchNetwork(FeedBenchSettings settings)
{
    private const int Batch = 10_000;

    private readonly Random _random = new(settings.Seed);

    public Guid[] People { get; private set; } = [];

    public int TrustStatements { get; private set; }

    public int Recommendations { get; private set; }

    /// <summary>The topic of most recommendations, for the "with a topic" line.</summary>
    public static string TopicName(int index) => $"topic {index:00}";

    public async Task WriteAsync(Func<RapportDbContext> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        People = [.. Enumerable.Range(0, settings.People).Select(i => Guid.CreateVersion7(now - TimeSpan.FromSeconds(settings.People - i)))];
        await InBatchesAsync(open, Enumerable.Range(0, settings.People), (db, i) =>
        {
            var email = $"bench{i}@bench.rapport.local";
            var account = new Account { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), CreatedAt = now };
            db.Users.Add(account);
            db.People.Add(new Person { Id = People[i], AccountId = account.Id, Handle = $"bench_{i}", DisplayName = $"Bench person {i}", JoinedAt = now });
        }, cancellationToken);

        var items = Enumerable.Range(0, settings.Items).Select(i => Guid.CreateVersion7(now - TimeSpan.FromSeconds(settings.Items - i))).ToArray();
        await InBatchesAsync(open, Enumerable.Range(0, settings.Items), (db, i) => db.Items.Add(new Item
        {
            Id = items[i], Kind = (ItemKind)(i % 8), Title = $"Item {i}", CreatedAt = now,
            Topics = [new ItemTopic { ItemId = items[i], Topic = TopicName(Skewed(settings.Topics, 1.5)) }],
        }), cancellationToken);

        var edges = Distinct(settings.TrustEdges, settings.People, settings.People, selfLoops: false);
        TrustStatements = edges.Count;
        double[] levels = [TrustLevel.Some.Value, TrustLevel.ALot.Value, TrustLevel.Completely.Value];
        await InBatchesAsync(open, edges, (db, e) => db.TrustStatements.Add(new TrustStatement
        {
            Id = Guid.CreateVersion7(now), FromId = People[e.From], ToId = People[e.To], Topic = TrustStatement.GeneralTopic,
            Value = levels[_random.Next(levels.Length)], Visibility = TrustVisibility.Public, CreatedAt = now, ChangedAt = now,
        }), cancellationToken);

        var votes = Distinct(settings.Recommendations, settings.People, settings.Items, selfLoops: true);
        Recommendations = votes.Count;
        await InBatchesAsync(open, votes, (db, v) =>
        {
            var at = now - TimeSpan.FromMinutes(_random.Next(525_600));
            db.Recommendations.Add(new Recommendation
            {
                Id = Guid.CreateVersion7(at), PersonId = People[v.From], ItemId = items[v.To], Rating = _random.Next(5) == 0 ? null : _random.Next(1, 6),
                Topic = _random.Next(2) == 0 ? TopicName(Skewed(settings.Topics, 1.5)) : Recommendation.NoTopic,
                Visibility = _random.Next(10) == 0 ? TrustVisibility.Private : TrustVisibility.Public, CreatedAt = at, ChangedAt = at,
            });
        }, cancellationToken);
    }

    /// <summary>Reads back a network this generator wrote (<c>--reuse</c>), people in generation order.</summary>
    public async Task ReadAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var people = await db.People.Where(p => p.Handle.StartsWith("bench_")).Select(p => new { p.Handle, p.Id }).ToListAsync(cancellationToken);
        People = [.. people.OrderBy(p => int.Parse(p.Handle["bench_".Length..], System.Globalization.CultureInfo.InvariantCulture)).Select(p => p.Id)];
        TrustStatements = await db.TrustStatements.CountAsync(cancellationToken);
        Recommendations = await db.Recommendations.CountAsync(cancellationToken);
    }

    /// <summary>Index in [0, n): small indices far more often (u^power), so a few are hubs.</summary>
    private int Skewed(int n, double power) => Math.Min(n - 1, (int)(n * Math.Pow(_random.NextDouble(), power)));

    /// <summary>Distinct (from, to) pairs: senders heavy-tailed (power 2), receivers more so (power 3), receivers shuffled apart from senders.</summary>
    private List<(int From, int To)> Distinct(int count, int fromCount, int toCount, bool selfLoops)
    {
        var seen = new HashSet<long>(count);
        var pairs = new List<(int, int)>(count);
        var shuffle = Enumerable.Range(0, toCount).OrderBy(_ => _random.Next()).ToArray();
        for (var attempts = 0; pairs.Count < count && attempts < count * 4; attempts++)
        {
            var from = Skewed(fromCount, 2);
            var to = shuffle[Skewed(toCount, 3)];
            if ((selfLoops || from != to) && seen.Add(((long)from << 32) | (uint)to))
            {
                pairs.Add((from, to));
            }
        }

        return pairs;
    }

    private static async Task InBatchesAsync<T>(Func<RapportDbContext> open, IEnumerable<T> rows, Action<RapportDbContext, T> add, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.Chunk(Batch))
        {
            await using var db = open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in batch)
            {
                add(db, row);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
