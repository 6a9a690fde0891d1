using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.AccessTokens;
using Rapport.Core.Accounts;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Tests.Accounts;
using Rapport.Testing;

namespace Rapport.Core.Tests.AccessTokens;

public sealed class AccessTokenUseCaseTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_StoresOnlyTheHashAndReturnsTheSecretOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database, _clock);
        var owner = await NewAccountAsync(database);

        var outcome = await Use<CreateAccessToken>(services).ExecuteAsync(owner, " backup script ", 30, TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded);
        var secret = outcome.Value!.Secret;
        Assert.StartsWith(AccessTokenSecret.Prefix, secret, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var stored = await db.AccessTokens.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(AccessTokenSecret.Hash(secret), stored.SecretHash);
        Assert.DoesNotContain(secret, stored.SecretHash, StringComparison.Ordinal);
        Assert.Equal("backup script", stored.Name);
        Assert.Equal(secret[..AccessTokenSecret.VisiblePrefixLength], stored.Prefix);
        Assert.Equal(_clock.GetUtcNow().AddDays(30), stored.ExpiresAt);
    }

    [Theory]
    [InlineData("", 30, "name")]
    [InlineData("a name that is far too long for a token name and goes on and on and on", 30, "name")]
    [InlineData("fine", 7, "expiresInDays")]
    [InlineData("fine", -30, "expiresInDays")]
    public async Task Create_WithBadInput_IsInvalidAndStoresNothing(string name, int days, string field)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = CoreServices.Create(database, _clock);
        var owner = await NewAccountAsync(database);

        var outcome = await Use<CreateAccessToken>(services).ExecuteAsync(owner, name, days, TestContext.Current.CancellationToken);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.NotEmpty(outcome.Errors.For(field));
        await using var db = database.CreateContext();
        Assert.False(await db.AccessTokens.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_BeyondTwentyActiveTokens_ConflictsButExpiredAndRevokedDoNotCount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database, _clock);
        var owner = await NewAccountAsync(database);
        var create = Use<CreateAccessToken>(services);
        var first = await create.ExecuteAsync(owner, "expires soon", 30, TestContext.Current.CancellationToken);
        for (var i = 1; i < AccessToken.MaxPerAccount; i++)
        {
            Assert.True((await create.ExecuteAsync(owner, $"token {i}", null, TestContext.Current.CancellationToken)).Succeeded);
        }

        var over = await create.ExecuteAsync(owner, "one too many", null, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromDays(31));
        var afterExpiry = await create.ExecuteAsync(owner, "replaces the expired one", null, TestContext.Current.CancellationToken);

        Assert.Equal(OutcomeKind.Conflict, over.Kind);
        Assert.True(first.Succeeded);
        Assert.True(afterExpiry.Succeeded);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Revoke_SomeoneElsesToken_IsNotFoundAndLeavesItActive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database, _clock);
        var owner = await NewAccountAsync(database);
        var stranger = await NewAccountAsync(database);
        var token = (await Use<CreateAccessToken>(services).ExecuteAsync(owner, "mine", null, TestContext.Current.CancellationToken)).Value!.Token;

        var byStranger = await Use<RevokeAccessToken>(services).ExecuteAsync(stranger, token.Id, TestContext.Current.CancellationToken);
        var missing = await Use<RevokeAccessToken>(services).ExecuteAsync(owner, Guid.NewGuid(), TestContext.Current.CancellationToken);
        var byOwner = await Use<RevokeAccessToken>(services).ExecuteAsync(owner, token.Id, TestContext.Current.CancellationToken);

        Assert.Equal(OutcomeKind.NotFound, byStranger.Kind);
        Assert.Equal(OutcomeKind.NotFound, missing.Kind);
        Assert.True(byOwner.Succeeded);
        Assert.Empty(await Use<ListAccessTokens>(services).ExecuteAsync(owner, TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task List_ShowsOnlyTheCallersUnrevokedTokensNewestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database, _clock);
        var owner = await NewAccountAsync(database);
        var other = await NewAccountAsync(database);
        var create = Use<CreateAccessToken>(services);
        await create.ExecuteAsync(owner, "older", 30, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await create.ExecuteAsync(owner, "newer", null, TestContext.Current.CancellationToken);
        await create.ExecuteAsync(other, "not mine", null, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromDays(40));

        var tokens = await Use<ListAccessTokens>(services).ExecuteAsync(owner, TestContext.Current.CancellationToken);

        Assert.Equal(["newer", "older"], tokens.Select(t => t.Name));
        Assert.Equal([false, true], tokens.Select(t => t.IsExpired));
    }

    private static T Use<T>(IServiceProvider services) where T : notnull =>
        services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private static async Task<string> NewAccountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var email = $"{Guid.NewGuid():N}@example.org";
        var account = new Account { UserName = email, Email = email };
        db.Users.Add(account);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return account.Id;
    }
}
