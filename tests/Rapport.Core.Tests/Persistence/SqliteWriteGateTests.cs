using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Persistence;

/// <summary>
/// SQLite writers queue behind one gate per database. A save that fails or is cancelled must open the
/// gate again, or every later write in the process waits forever.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private static readonly TimeSpan NextWriteBound = TimeSpan.FromSeconds(30);

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AFailedSave_LetsTheNextWriterThrough()
    {
        var handle = await AddPersonAsync();

        await using (var failing = _database.CreateContext())
        {
            failing.People.Add(NewPerson(await AddAccountAsync(), handle));
            await Assert.ThrowsAsync<DbUpdateException>(() => failing.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        await AddPersonAsync().WaitAsync(NextWriteBound, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AFailedSynchronousSave_LetsTheNextWriterThrough()
    {
        var handle = await AddPersonAsync();

        await using (var failing = _database.CreateContext())
        {
            failing.People.Add(NewPerson(await AddAccountAsync(), handle));
            Assert.Throws<DbUpdateException>(() => failing.SaveChanges());
        }

        await AddPersonAsync().WaitAsync(NextWriteBound, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ACancelledSave_LetsTheNextWriterThrough()
    {
        await using (var cancelled = _database.CreateContext())
        {
            cancelled.People.Add(NewPerson(await AddAccountAsync(), TestPeople.UniqueHandle()));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.SaveChangesAsync(new CancellationToken(canceled: true)));
        }

        await AddPersonAsync().WaitAsync(NextWriteBound, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ManyConcurrentWriters_AllLand_WhileSomeOfThemFail()
    {
        var taken = await AddPersonAsync();
        const int writers = 24;

        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(async i =>
        {
            await using var db = _database.CreateContext();
            db.People.Add(NewPerson(await AddAccountAsync(), i % 3 == 0 ? taken : TestPeople.UniqueHandle()));
            try
            {
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        })).WaitAsync(NextWriteBound, TestContext.Current.CancellationToken);

        Assert.Equal(writers / 3, results.Count(ok => !ok));
        await using var read = _database.CreateContext();
        Assert.Equal(1 + writers - (writers / 3), await read.People.CountAsync(TestContext.Current.CancellationToken));
    }

    private async Task<string> AddPersonAsync()
    {
        var handle = TestPeople.UniqueHandle();
        await using var db = _database.CreateContext();
        db.People.Add(NewPerson(await AddAccountAsync(), handle));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return handle;
    }

    private async Task<string> AddAccountAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        var account = new Account { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, CreatedAt = DateTimeOffset.UnixEpoch };
        await using var db = _database.CreateContext();
        db.Users.Add(account);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return account.Id;
    }

    private static Person NewPerson(string accountId, string handle) =>
        new() { AccountId = accountId, Handle = handle, DisplayName = handle, JoinedAt = DateTimeOffset.UnixEpoch };
}
