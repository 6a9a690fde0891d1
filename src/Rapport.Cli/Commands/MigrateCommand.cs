using System.CommandLine;

namespace Rapport.Cli.Commands;

/// <summary><c>rapport migrate</c>: creates the database if needed and applies pending migrations.</summary>
internal static class MigrateCommand
{
    public static Command Create(DatabaseOptions database)
    {
        var command = new Command("migrate", "Create the database if needed and apply pending migrations, printing each one applied.");
        command.SetRapportAction(async (parse, output, cancellationToken) =>
        {
            await using var session = DatabaseSession.Open(database, parse);
            var applied = await session.MigrateAsync(cancellationToken);
            foreach (var migration in applied)
            {
                await output.WriteLineAsync($"Applied {migration}");
            }

            await output.WriteLineAsync($"{session.Location} is up to date ({applied.Count} migration(s) applied).");
            return 0;
        });
        return command;
    }
}
