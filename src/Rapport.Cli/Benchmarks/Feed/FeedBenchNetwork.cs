using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// A seeded synthetic network written with <see cref="BulkInsert"/> (prepared inserts, one transaction per table, no
/// change tracking): people (with accounts that cannot sign in), power-law public trust (activity and popularity both
/// heavy-tailed, ~10 statements per person), items with one topic each and recommendations by heavy-tailed recommenders
/// (a tenth of them private). Only current rows are written (no version history), which is all the feed reads. Ids and
/// times are drawn from the seed too, so the same seed and clock give the same rows.
/// </summary>
internal sealed class FeedBenchNetwork(FeedBenchSettings settings)
{
    private const string HandlePrefix = "bench_";

    private readonly Random _random = new(settings.Seed);

    public Guid[] People { get; private set; } = [];

    public int TrustStatements { get; private set; }

    public int Recommendations { get; private set; }

    /// <summary>The topic of most recommendations, for the "with a topic" line.</summary>
    public static string TopicName(int index) => $"topic {index:00}";

    public async Task WriteAsync(RapportDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Random keys put every insert somewhere else in each index: with SQLite's default 2 MB page cache, a million
        // rows spend their time re-reading index pages. Seeding only; the timed queries run with the default again.
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size=-{SeedingCacheKibibytes}", cancellationToken);
        }

        try
        {
            await WriteRowsAsync(db, now, cancellationToken);
        }
        finally
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size=-{DefaultCacheKibibytes}", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private async Task WriteRowsAsync(RapportDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        People = [.. Enumerable.Range(0, settings.People).Select(_ => NextId())];
        var accounts = Enumerable.Range(0, settings.People).Select(i => $"bench-account-{i}").ToArray();
        await InTransactionAsync(db, Enumerable.Range(0, settings.People).Select(i =>
        {
            var email = $"bench{i}@bench.rapport.local";
            return new Account
            {
                Id = accounts[i], UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                SecurityStamp = accounts[i], ConcurrencyStamp = accounts[i], CreatedAt = now,
            };
        }), cancellationToken);
        await InTransactionAsync(db, Enumerable.Range(0, settings.People).Select(i =>
            new Person { Id = People[i], AccountId = accounts[i], Handle = $"{HandlePrefix}{i}", DisplayName = $"Bench person {i}", JoinedAt = now }), cancellationToken);

        var items = Enumerable.Range(0, settings.Items).Select(_ => NextId()).ToArray();
        var itemTopics = Enumerable.Range(0, settings.Items).Select(_ => TopicName(Skewed(settings.Topics, 1.5))).ToArray();
        await InTransactionAsync(db, Enumerable.Range(0, settings.Items).Select(i =>
            new Item { Id = items[i], Kind = (ItemKind)(i % 8), Title = $"Item {i}", CreatedAt = now }), cancellationToken);
        await InTransactionAsync(db, Enumerable.Range(0, settings.Items).Select(i => new ItemTopic { ItemId = items[i], Topic = itemTopics[i] }), cancellationToken);

        var edges = Distinct(settings.TrustEdges, settings.People, settings.People, selfLoops: false);
        TrustStatements = edges.Count;
        double[] levels = [TrustLevel.Some.Value, TrustLevel.ALot.Value, TrustLevel.Completely.Value];
        var statements = edges.Select(e => new TrustStatement
        {
            Id = NextId(), FromId = People[e.From], ToId = People[e.To], Topic = TrustStatement.GeneralTopic,
            Value = levels[_random.Next(levels.Length)], Visibility = TrustVisibility.Public, CreatedAt = now, ChangedAt = now,
        }).ToList();
        await InTransactionAsync(db, statements, cancellationToken);

        var votes = Distinct(settings.Recommendations, settings.People, settings.Items, selfLoops: true);
        Recommendations = votes.Count;
        var recommendations = votes.Select(v =>
        {
            var at = now - TimeSpan.FromMinutes(_random.Next(MinutesPerYear));
            return new Recommendation
            {
                Id = NextId(), PersonId = People[v.From], ItemId = items[v.To], Rating = _random.Next(5) == 0 ? null : _random.Next(1, 6),
                Topic = _random.Next(2) == 0 ? TopicName(Skewed(settings.Topics, 1.5)) : Recommendation.NoTopic,
                Visibility = _random.Next(10) == 0 ? TrustVisibility.Private : TrustVisibility.Public, CreatedAt = at, ChangedAt = at,
            };
        }).ToList();
        await InTransactionAsync(db, recommendations, cancellationToken);
    }

    /// <summary>Reads back a network this generator wrote (<c>--reuse</c>), people in generation order.</summary>
    public async Task ReadAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var people = await db.People.Where(p => p.Handle.StartsWith(HandlePrefix)).Select(p => new { p.Handle, p.Id }).ToListAsync(cancellationToken);
        People = [.. people.OrderBy(p => int.Parse(p.Handle[HandlePrefix.Length..], System.Globalization.CultureInfo.InvariantCulture)).Select(p => p.Id)];
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

    private const int MinutesPerYear = 525_600;
    private const int SeedingCacheKibibytes = 512 * 1024;
    private const int DefaultCacheKibibytes = 2000;

    /// <summary>An id drawn from the seed (version 4 layout), so reruns write the same keys and break date ties the same way.</summary>
    private Guid NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static async Task InTransactionAsync<T>(RapportDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.WriteAsync(db, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
