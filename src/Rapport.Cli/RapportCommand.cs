using System.CommandLine;
using Rapport.Cli.Commands;
using Rapport.Cli.Scoring;

namespace Rapport.Cli;

/// <summary>The <c>rapport</c> command: one subcommand per verb, each in its own file under Commands/.</summary>
public static class RapportCommand
{
    /// <param name="environment">Environment variables to read configuration from; the process environment when null.</param>
    public static RootCommand Create(IReadOnlyDictionary<string, string?>? environment = null) =>
        Create(environment, TrustEngine.Real, TimeProvider.System);

    /// <summary>The same command over another trust engine (tests measure the harness with a stand-in).</summary>
    internal static RootCommand Create(IReadOnlyDictionary<string, string?>? environment, TrustEngine engine, TimeProvider time)
    {
        var database = new DatabaseOptions(environment);
        var root = new RootCommand(
            "Operate a Rapport instance: migrate its database, seed a demo network, back it up; benchmark and evaluate the trust engine. " +
            "The database is chosen like the web host's: Rapport__DataDirectory, Rapport__Database__Provider and " +
            "Rapport__Database__ConnectionString from the environment, overridden by --data-dir, --provider and --connection.");
        database.AddTo(root);
        root.Subcommands.Add(MigrateCommand.Create(database));
        root.Subcommands.Add(SeedCommand.Create(database));
        root.Subcommands.Add(BackupCommand.Create(database));
        root.Subcommands.Add(ImportCommand.Create(database));
        root.Subcommands.Add(BenchCommand.Create(engine, time));
        root.Subcommands.Add(EvalCommand.Create(engine, time));
        return root;
    }
}
