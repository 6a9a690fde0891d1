using System.CommandLine;
using Rapport.Cli.Commands;

namespace Rapport.Cli;

/// <summary>The <c>rapport</c> command: one subcommand per verb, each in its own file under Commands/.</summary>
public static class RapportCommand
{
    /// <param name="environment">Environment variables to read configuration from; the process environment when null.</param>
    public static RootCommand Create(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var database = new DatabaseOptions(environment);
        var root = new RootCommand(
            "Operate a Rapport instance: migrate its database, seed a demo network, back it up. " +
            "The database is chosen like the web host's: Rapport__DataDirectory, Rapport__Database__Provider and " +
            "Rapport__Database__ConnectionString from the environment, overridden by --data-dir, --provider and --connection.");
        database.AddTo(root);
        root.Subcommands.Add(MigrateCommand.Create(database));
        root.Subcommands.Add(SeedCommand.Create(database));
        root.Subcommands.Add(BackupCommand.Create(database));
        return root;
    }
}
