using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;

namespace Rapport.Cli;

/// <summary>The services a verb needs over the chosen database: Core, Identity's stores, one scope.</summary>
internal sealed class DatabaseSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private DatabaseSession(DatabaseSettings settings, IConfiguration configuration)
    {
        Settings = settings;
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddRapportCore(configuration);
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
    }

    public DatabaseSettings Settings { get; }

    public RapportDbContext Db => Get<RapportDbContext>();

    /// <summary>Where the data is, for messages: the SQLite file, or PostgreSQL's host and database (never the password).</summary>
    public string Location => Settings.Describe();

    public static DatabaseSession Open(DatabaseOptions options, ParseResult parse)
    {
        var configuration = options.Configuration(parse);
        return new DatabaseSession(DatabaseOptions.Settings(configuration), configuration);
    }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Applies pending migrations and returns their names, oldest first.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        if (Settings.Provider == DatabaseProvider.Sqlite)
        {
            try
            {
                Directory.CreateDirectory(Settings.DataDirectory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"Cannot create the data directory {Settings.DataDirectory}: {e.Message}");
            }
        }

        var pending = (await Db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await DatabaseRegistration.MigrateAsync(Db, Settings, cancellationToken);
        return pending;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
