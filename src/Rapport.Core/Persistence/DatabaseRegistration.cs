using System.Collections.Concurrent;
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
        services.AddDbContext<RapportDbContext>(options => Configure(options, settings));
        return services;
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
