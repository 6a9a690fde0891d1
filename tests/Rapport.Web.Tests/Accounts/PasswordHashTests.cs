using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

/// <summary>ASVS 5.0 11.4.2: PBKDF2 with at least 210,000 iterations, and old hashes upgraded at sign-in.</summary>
public sealed class PasswordHashTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task StoredHash_UsesPbkdf2WithAtLeast210000Iterations(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();

        var iterations = Iterations(await StoredHashAsync(app, alice.Account.Id));

        Assert.True(iterations >= Web.Accounts.AccountsRegistration.MinimumPasswordHashIterations, $"{iterations} iterations");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SignIn_WithAnOld100000IterationHash_RehashesIt(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var alice = await app.CreatePersonAsync();
        var oldHasher = new PasswordHasher<Account>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            var account = await db.Users.SingleAsync(u => u.Id == alice.Account.Id, TestContext.Current.CancellationToken);
            account.PasswordHash = oldHasher.HashPassword(account, alice.Password);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(100_000, Iterations(await StoredHashAsync(app, alice.Account.Id)));

        var signIn = await AccountClient.SignInAsync(app.CreateClient(), alice.Email, alice.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(Iterations(await StoredHashAsync(app, alice.Account.Id)) >= Web.Accounts.AccountsRegistration.MinimumPasswordHashIterations);
    }

    /// <summary>
    /// Identity's v3 format: 0x01, then big-endian PRF id, iteration count and salt length, then salt and subkey.
    /// </summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4))); // HMAC-SHA512
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    private static async Task<string> StoredHashAsync(RapportApp app, string accountId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        return await db.Users.Where(u => u.Id == accountId).Select(u => u.PasswordHash!).SingleAsync(TestContext.Current.CancellationToken);
    }
}
