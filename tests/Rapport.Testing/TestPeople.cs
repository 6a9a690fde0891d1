using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.AccessTokens;
using Rapport.Core.Accounts;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Testing;

/// <summary>A person made for a test, with the password and (once asked) an access token to act as them.</summary>
public sealed record TestPerson(Person Person, Account Account, string Email, string Password)
{
    public string Handle => Person.Handle;
}

/// <summary>Small hand-written builders: people with confirmed accounts, and access tokens.</summary>
public static class TestPeople
{
    public const string Password = "correct horse battery staple";

    /// <summary>A unique handle for this test run, starting with <paramref name="stem"/>.</summary>
    public static string UniqueHandle(string stem = "p") => $"{stem}_{Guid.NewGuid():N}"[..Math.Min(Person.HandleMaxLength, stem.Length + 13)];

    /// <summary>Creates a confirmed account and its person through Identity (so the password works for sign-in).</summary>
    public static async Task<TestPerson> CreateAsync(IServiceProvider services, string? handle = null, string? displayName = null,
        Action<Person>? configure = null)
    {
        handle ??= UniqueHandle();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var email = $"{handle}@example.test";
        var account = new Account { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(account, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));

        var person = new Person
        {
            AccountId = account.Id, Handle = handle, DisplayName = displayName ?? $"Test {handle}", JoinedAt = TimeProvider.System.GetUtcNow(),
        };
        configure?.Invoke(person);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return new TestPerson(person, account, email, Password);
    }

    /// <summary>Stores a new personal access token for <paramref name="person"/> and returns its secret.</summary>
    public static async Task<string> CreateAccessTokenAsync(IServiceProvider services, TestPerson person)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var secret = AccessTokenSecret.Generate();
        db.AccessTokens.Add(new AccessToken
        {
            AccountId = person.Account.Id,
            Name = "test",
            SecretHash = AccessTokenSecret.Hash(secret),
            Prefix = AccessTokenSecret.VisiblePart(secret),
            CreatedAt = TimeProvider.System.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return secret;
    }
}
