using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Persistence;

public static class DatabaseRegistration
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> WriteGates = new();

    /// <summary>Registers <see cref="RapportDbContext"/> for the configured provider.</summary>
    public static IServiceCollection AddRapportDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchema);
        services.AddDbContext<RapportDbContext>(options => Configure(options, settings));
        return services;
    }

    /// <summary>
    /// Identity reads its schema version from the application's options when the model is built; every
    /// context (host, CLI, design-time tools, tests) must see the same one. Version3 adds passkeys.
    /// </summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    /// <summary>A context outside a host (design-time tools, tests, CLI one-offs), with the same model as the host's.</summary>
    public static RapportDbContext CreateStandaloneContext(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchema);
        var options = new DbContextOptionsBuilder<RapportDbContext>().UseApplicationServiceProvider(services.BuildServiceProvider());
        Configure(options, settings);
        return new RapportDbContext(options.Options);
    }

    /// <summary>Applies the provider, its migrations assembly and (for SQLite) the durability settings.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly))
                    .AddInterceptors(new SqliteConnectionSetup(), WriteGates.GetOrAdd(settings.ConnectionString, _ => new SqliteWriteGate()));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString, npgsql => npgsql.MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider.");
        }

        return options;
    }

    /// <summary>Creates the data directory if needed and applies pending migrations.</summary>
    public static async Task MigrateAsync(RapportDbContext db, DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
