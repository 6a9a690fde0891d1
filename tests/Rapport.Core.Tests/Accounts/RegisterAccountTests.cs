using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Accounts;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Accounts;

public sealed class RegisterAccountTests
{
    private const string GoodPassword = "violet kettle across nine";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_FirstAccountOnEmptyInstance_BecomesAdministratorAndLaterOnesDoNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);

        var first = await RegisterAsync(services, new Registration("first@example.org", "first_one", "First", GoodPassword));
        var second = await RegisterAsync(services, new Registration("second@example.org", "second_one", "Second", GoodPassword));

        Assert.True(first.Succeeded);
        Assert.True(first.Value!.IsAdministrator);
        Assert.True(second.Succeeded);
        Assert.False(second.Value!.IsAdministrator);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        Assert.Equal("first@example.org", Assert.Single(admins).Email);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_ConcurrentFirstRegistrations_MakeExactlyOneAdministrator(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            RegisterAsync(services, new Registration($"racer{i}@example.org", $"racer_{i}", $"Racer {i}", GoodPassword))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, string.Join("; ", o.Errors.ToDictionary().SelectMany(e => e.Value))));
        Assert.Single(outcomes, o => o.Value!.IsAdministrator);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Administrator));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_CreatesAccountAndPersonTogether(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);

        var outcome = await RegisterAsync(services, new Registration(" ada@example.org ", "@Ada_L", "  Ada Lovelace ", GoodPassword));

        Assert.True(outcome.Succeeded);
        await using var db = database.CreateContext();
        var person = await db.People.SingleAsync(TestContext.Current.CancellationToken);
        var account = await db.Users.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("ada_l", person.Handle);
        Assert.Equal("Ada Lovelace", person.DisplayName);
        Assert.Equal(account.Id, person.AccountId);
        Assert.Equal("ada@example.org", account.Email);
        Assert.False(account.EmailConfirmed);
    }

    public static TheoryData<string, string, string, string, string> BadInput => new()
    {
        { "not-an-email", "good_handle", "Name", GoodPassword, "email" },
        { "x@example.org\r\nBcc: y@example.org", "good_handle", "Name", GoodPassword, "email" },
        { "x@example.org", "no", "Name", GoodPassword, "handle" },
        { "x@example.org", "bad handle!", "Name", GoodPassword, "handle" },
        { "x@example.org", "admin", "Name", GoodPassword, "handle" },
        { "x@example.org", "good_handle", " ", GoodPassword, "displayName" },
        { "x@example.org", "good_handle", new string('n', 81), GoodPassword, "displayName" },
        { "x@example.org", "good_handle", "Na\u0007me", GoodPassword, "displayName" },
        { "x@example.org", "good_handle", "Line\nbreak", GoodPassword, "displayName" },
        { "x@example.org", "good_handle", "Name", "short pass", "password" },
        { "x@example.org", "good_handle", "Name", new string('p', 129), "password" },
        { "x@example.org", "good_handle", "Name", "qwerty123456", "password" },
        { "x@example.org", "good_handle", "Name", "QWERTY123456", "password" },
        { "someone@example.org", "good_handle", "Name", "someone is my name 2024", "password" },
        { "x@example.org", "good_handle", "Name", "my good_handle password", "password" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Execute_WithBadInput_IsInvalidOnThatFieldAndCreatesNothing(string email, string handle, string displayName, string password, string field)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = CoreServices.Create(database);

        var outcome = await RegisterAsync(services, new Registration(email, handle, displayName, password));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.NotEmpty(outcome.Errors.For(field));
        await AssertNothingCreatedAsync(database);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_WithTakenHandle_IsInvalidAndCreatesNoSecondAccount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);
        Assert.True((await RegisterAsync(services, new Registration("one@example.org", "taken", "One", GoodPassword))).Succeeded);

        var outcome = await RegisterAsync(services, new Registration("two@example.org", "TAKEN", "Two", GoodPassword));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["That handle is taken."], outcome.Errors.For("handle"));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_WithTakenEmail_AnswersGenericallyAndCreatesNoPerson(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);
        Assert.True((await RegisterAsync(services, new Registration("same@example.org", "first_one", "One", GoodPassword))).Succeeded);

        var outcome = await RegisterAsync(services, new Registration("SAME@example.org", "second_one", "Two", GoodPassword));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal([RegisterAccount.EmailUnavailable], outcome.Errors.For("email"));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.People.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_WhenThePersonCannotBeSaved_KeepsNoAccount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        // As when another registration takes the handle between the check and the insert: saving the person fails
        // after the account row was written in the same transaction.
        db.SavingChanges += (_, _) =>
        {
            if (db.ChangeTracker.Entries<Rapport.Core.People.Person>().Any(e => e.State == EntityState.Added))
            {
                throw new DbUpdateException("duplicate key value violates unique constraint \"IX_People_Handle\"");
            }
        };
        var register = scope.ServiceProvider.GetRequiredService<RegisterAccount>();

        var outcome = await register.ExecuteAsync(new Registration("late@example.org", "contested", "Late", GoodPassword), TestContext.Current.CancellationToken);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["That handle is taken."], outcome.Errors.For("handle"));
        await AssertNothingCreatedAsync(database);
    }

    private static async Task<Outcome<RegisteredAccount>> RegisterAsync(IServiceProvider services, Registration registration)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegisterAccount>().ExecuteAsync(registration, TestContext.Current.CancellationToken);
    }

    private static async Task AssertNothingCreatedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.People.CountAsync(TestContext.Current.CancellationToken));
    }
}
