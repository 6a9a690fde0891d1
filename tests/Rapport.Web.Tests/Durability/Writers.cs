using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core;
using Rapport.Core.Accounts;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Web.Tests.Durability;

/// <summary>A person the load writes as, with a personal access token for the API.</summary>
internal sealed record Writer(Guid PersonId, string Handle, string Token);

/// <summary>
/// Migrates the database and makes the writers in it before the app starts, through the same services the CLI uses.
/// Accounts get no password: the load signs in with tokens, and hashing a thousand passwords would take minutes.
/// </summary>
internal static class Writers
{
    public static async Task<IReadOnlyList<Writer>> CreateAsync(DatabaseSettings database, int count, CancellationToken cancellationToken)
    {
        database = Unpooled.Connections(database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rapport:DataDirectory"] = database.DataDirectory,
            ["Rapport:Database:Provider"] = database.Provider.ToString(),
            ["Rapport:Database:ConnectionString"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddRapportCore(configuration);
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await DatabaseRegistration.MigrateAsync(scope.ServiceProvider.GetRequiredService<RapportDbContext>(), database, cancellationToken);
        }

        var writers = new List<Writer>(count);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var person = await CreatePersonAsync(provider, TestPeople.UniqueHandle("dur"), cancellationToken);
            var token = await TestPeople.CreateAccessTokenAsync(provider, person);
            writers.Add(new Writer(person.Person.Id, person.Handle, token));
        }

        return writers;
    }

    private static async Task<TestPerson> CreatePersonAsync(IServiceProvider services, string handle, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var email = $"{handle}@example.test";
        var account = new Account { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));

        var person = new Person { AccountId = account.Id, Handle = handle, DisplayName = $"Durability {handle}", JoinedAt = TimeProvider.System.GetUtcNow() };
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return new TestPerson(person, account, email, Password: "");
    }
}
