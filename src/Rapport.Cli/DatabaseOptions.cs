using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Rapport.Core.Persistence;

namespace Rapport.Cli;

/// <summary>
/// The global options that pick the database. Configuration is read like the web host's (environment keys such as
/// <c>Rapport__Database__Provider</c>), without appsettings files, and each option given overrides its key.
/// </summary>
internal sealed class DatabaseOptions(IReadOnlyDictionary<string, string?>? environment)
{
    public Option<string?> DataDirectory { get; } = new("--data-dir")
    {
        Description = "Data directory; SQLite keeps rapport.db there. Default: $Rapport__DataDirectory, else ./data.",
        Recursive = true,
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "Database provider: sqlite or postgres. Default: $Rapport__Database__Provider, else sqlite.",
        Recursive = true,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Connection string (required for postgres). Default: $Rapport__Database__ConnectionString.",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(DataDirectory);
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    /// <summary>The environment's configuration with the options on top.</summary>
    public IConfiguration Configuration(ParseResult parse)
    {
        var builder = new ConfigurationBuilder();
        if (environment is null)
        {
            builder.AddEnvironmentVariables();
        }
        else
        {
            builder.AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)));
        }

        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(DataDirectory) is { } dataDirectory)
        {
            overrides["Rapport:DataDirectory"] = dataDirectory;
        }

        if (parse.GetValue(Provider) is { } provider)
        {
            overrides["Rapport:Database:Provider"] = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed.ToString()
                : throw new CliException($"--provider must be sqlite or postgres, not '{provider}'.");
        }

        if (parse.GetValue(Connection) is { } connection)
        {
            overrides["Rapport:Database:ConnectionString"] = connection;
        }

        return builder.AddInMemoryCollection(overrides).Build();
    }

    /// <summary>Where the data lives; a configuration mistake becomes a one-line error.</summary>
    public static DatabaseSettings Settings(IConfiguration configuration)
    {
        try
        {
            return DatabaseSettings.From(configuration);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(e.Message);
        }
    }
}
