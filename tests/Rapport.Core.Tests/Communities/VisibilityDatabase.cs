using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Communities;

/// <summary>
/// One real database that holds one <see cref="VisibilityWorld"/> (or trust world) at a time, with the Communities and Trust use cases
/// wired as the host wires them (one DI scope, so one fresh DbContext, per call). Thousands of worlds must fit
/// in seconds: SQLite is an open in-memory connection shared by every context (no file, no fsync); contexts
/// come from EF's pool, which resets each one and saves the ~0.2 ms a new context spends on its first query;
/// and a fixed pool of eight people stays while each world's communities are deleted (the rest cascades).
/// </summary>
public sealed class VisibilityDatabase : IAsyncDisposable
{
    public const int MaxPeople = 8;

    private readonly PooledDbContextFactory<RapportDbContext> _contexts;
    private readonly ServiceProvider _services;
    private readonly SqliteConnection? _sqlite;
    private readonly TestDatabase? _postgres;

    private VisibilityDatabase(DbContextOptions<RapportDbContext> options, SqliteConnection? sqlite, TestDatabase? postgres)
    {
        _contexts = new PooledDbContextFactory<RapportDbContext>(options);
        _sqlite = sqlite;
        _postgres = postgres;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped(_ => _contexts.CreateDbContext()); // the scope's end returns it to the pool, reset
        services.AddLogging();
        services.AddCommunities();
        services.AddTrust();
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The pool of people a world numbers 0..7.</summary>
    public IReadOnlyList<Guid> People { get; private set; } = [];

    public static async Task<VisibilityDatabase> CreateAsync(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<RapportDbContext>().UseApplicationServiceProvider(IdentityServices());
        VisibilityDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA foreign_keys=ON;"; // as the host's connections have it: deletes cascade
                await pragma.ExecuteNonQueryAsync();
            }

            builder.UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly));
            database = new VisibilityDatabase(builder.Options, connection, null);
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }
        else
        {
            var postgres = await TestDatabase.CreateAsync(provider); // skips the test when no server is configured
            DatabaseRegistration.Configure(builder, postgres.Settings);
            database = new VisibilityDatabase(builder.Options, null, postgres);
        }

        await database.AddPeopleAsync();
        return database;
    }

    /// <summary>Runs one use case in its own scope, like one request.</summary>
    public async Task<TResult> RunAsync<TUseCase, TResult>(Func<TUseCase, Task<TResult>> act)
        where TUseCase : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    /// <summary>Replaces the stored world with <paramref name="world"/>; communities are named vis-0, vis-1, vis-2.</summary>
    public async Task<StoredWorld> StoreAsync(VisibilityWorld world)
    {
        await using var db = CreateContext();
        await db.Communities.ExecuteDeleteAsync(); // memberships, questions, applications, answers and links cascade

        var now = Clock.GetUtcNow();
        var communities = new List<StoredCommunity>();
        for (var c = 0; c < world.Communities.Count; c++)
        {
            var spec = world.Communities[c];
            var community = new Community { Id = Guid.NewGuid(), Slug = $"vis-{c}", Name = $"Visibility {c}", MembershipMode = spec.Mode, CreatedAt = now };
            community.Questions.Add(new ApplicationQuestion { Position = 0, Text = "Why?" });
            community.Memberships.AddRange(spec.Roles
                .Select((role, p) => (role, p))
                .Where(x => x.role is not null)
                .Select(x => new Membership { PersonId = People[x.p], Role = x.role!.Value, JoinedAt = now }));
            db.Communities.Add(community);

            var applications = spec.Applications.Select(a => new MembershipApplication
            {
                Id = Guid.NewGuid(),
                CommunityId = community.Id,
                ApplicantId = People[a.Applicant],
                Status = a.Status,
                SubmittedAt = now.AddDays(-1).AddMinutes(a.SubmittedMinute),
                DecidedAt = a.Status is ApplicationStatus.Approved or ApplicationStatus.Declined ? now.AddHours(-1) : null,
                Answers = [new ApplicationAnswer { Question = "Why?", Text = $"Private answer of person {a.Applicant}" }],
            }).ToList();
            db.MembershipApplications.AddRange(applications);

            var links = spec.Links.Select(l => new InvitationLink
            {
                Id = Guid.NewGuid(),
                CommunityId = community.Id,
                SecretHash = InvitationSecret.Hash(Guid.NewGuid().ToString()),
                CreatedById = People[l.Creator],
                CreatedAt = now.AddDays(-3),
                ExpiresAt = now.AddDays(l.ExpiresInDays),
                MaxUses = l.MaxUses,
                Uses = l.Uses,
                RevokedAt = l.Revoked ? now.AddHours(-2) : null,
            }).ToList();
            db.InvitationLinks.AddRange(links);

            communities.Add(new StoredCommunity(community.Slug, applications.Select(a => a.Id).ToList(), links.Select(l => (l.Id, l.RevokedAt)).ToList()));
        }

        await db.SaveChangesAsync();
        return new StoredWorld(world, People, communities);
    }

    /// <summary>A context outside the use cases, to arrange or inspect the stored world.</summary>
    public RapportDbContext CreateContext() => _contexts.CreateDbContext();

    private static ServiceProvider IdentityServices()
    {
        var services = new ServiceCollection();
        services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = DatabaseRegistration.IdentitySchema);
        return services.BuildServiceProvider();
    }

    private async Task AddPeopleAsync()
    {
        await using var db = CreateContext();
        var people = new List<Guid>();
        for (var i = 0; i < MaxPeople; i++)
        {
            var handle = TestPeople.UniqueHandle("v");
            var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test", CreatedAt = Clock.GetUtcNow() };
            var person = new Person { AccountId = account.Id, Handle = handle, DisplayName = $"Viewer {i}", JoinedAt = Clock.GetUtcNow() };
            db.Users.Add(account);
            db.People.Add(person);
            people.Add(person.Id);
        }

        await db.SaveChangesAsync();
        People = people;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

/// <summary>Where a <see cref="VisibilityWorld"/> landed: the ids behind its numbers.</summary>
public sealed record StoredWorld(VisibilityWorld Spec, IReadOnlyList<Guid> People, IReadOnlyList<StoredCommunity> Communities)
{
    /// <summary>The address a viewer uses; upper-cased in some worlds, since every use case normalizes it.</summary>
    public string RequestSlug(int community) =>
        Spec.ShoutedSlugs ? Communities[community].Slug.ToUpperInvariant() : Communities[community].Slug;
}

/// <param name="Links">Each link's id and when it was revoked before any use case ran.</param>
public sealed record StoredCommunity(string Slug, IReadOnlyList<Guid> Applications, IReadOnlyList<(Guid Id, DateTimeOffset? RevokedAt)> Links);
