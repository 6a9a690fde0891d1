using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Persistence;

/// <summary>BulkInsert (ids are the caller's, as EF would not generate them here; prepared inserts on SQLite, binary COPY on PostgreSQL) writes rows that EF reads back as it would have written them.</summary>
public sealed class BulkInsertTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task WriteAsync_RowsReadBackEqual_WithNullsEnumsTimesAndConversions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var handle = TestPeople.UniqueHandle("bulk");
        var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test", CreatedAt = Now };
        var person = new Person { Id = Guid.NewGuid(), AccountId = account.Id, Handle = handle, DisplayName = "Bulk Person", JoinedAt = Now };
        var items = Enumerable.Range(0, 3).Select(i => new Item { Id = Guid.NewGuid(), Kind = (ItemKind)i, Title = $"Item {i}", Url = i == 0 ? null : $"https://example.test/{i}", CreatedAt = Now }).ToList();
        // A local offset: the same instant must come back.
        var local = new DateTimeOffset(2026, 2, 1, 12, 30, 0, TimeSpan.FromHours(2));
        var written = new List<Recommendation>
        {
            new() { Id = Guid.NewGuid(), PersonId = person.Id, ItemId = items[0].Id, Rating = 5, Note = "Yes — ünïcode", Topic = "cooking", Visibility = TrustVisibility.Public, CreatedAt = local, ChangedAt = local },
            new() { Id = Guid.NewGuid(), PersonId = person.Id, ItemId = items[1].Id, Rating = null, Visibility = TrustVisibility.Private, CreatedAt = Now, ChangedAt = Now, RevokedAt = Now },
        };

        int count;
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.WriteAsync(db, [account], ct);
            await BulkInsert.WriteAsync(db, [person], ct);
            await BulkInsert.WriteAsync(db, items, ct);
            count = await BulkInsert.WriteAsync(db, written, ct);
            await transaction.CommitAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, count);
            var read = await db.Recommendations.AsNoTracking().Where(r => r.PersonId == person.Id).ToListAsync(ct);
            foreach (var expected in written)
            {
                var actual = Assert.Single(read, r => r.Id == expected.Id);
                Assert.Equal((expected.ItemId, expected.Rating, expected.Note, expected.Topic, expected.Visibility, expected.CommunityId),
                    (actual.ItemId, actual.Rating, actual.Note, actual.Topic, actual.Visibility, actual.CommunityId));
                Assert.Equal(expected.ChangedAt.UtcTicks, actual.ChangedAt.UtcTicks);
                Assert.Equal(expected.RevokedAt?.UtcTicks, actual.RevokedAt?.UtcTicks);
            }

            var readItems = await db.Items.AsNoTracking().Where(i => items.Select(x => x.Id).Contains(i.Id)).OrderBy(i => i.Title).ToListAsync(ct);
            Assert.Equal(items.Select(i => (i.Kind, i.Title, i.Url)), readItems.Select(i => (i.Kind, i.Title, i.Url)));
            Assert.Equal("Bulk Person", (await db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id, ct)).DisplayName);
        }
    }

    [Fact]
    public async Task WriteAsync_OutsideATransaction_Throws()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.WriteAsync(db, Array.Empty<Item>(), TestContext.Current.CancellationToken));
    }
}
