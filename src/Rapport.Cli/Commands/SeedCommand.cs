using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.Demo;

namespace Rapport.Cli.Commands;

/// <summary><c>rapport seed</c>: migrates, then seeds the demo network into an empty database and prints the demo login.</summary>
internal static class SeedCommand
{
    public static Command Create(DatabaseOptions database)
    {
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed: the same seed gives the same people, bios, competences and memberships.",
            DefaultValueFactory = _ => DemoNetwork.DefaultSeed,
        };
        var command = new Command("seed",
            $"Apply migrations, then seed a demo network ({DemoNetwork.GeneratedPeople}+ people, 5 communities) if the database has no people yet. Prints the demo login.")
        {
            seed,
        };
        command.SetRapportAction(async (parse, output, cancellationToken) =>
        {
            await using var session = DatabaseSession.Open(database, parse);
            await session.MigrateAsync(cancellationToken);
            if (await session.Db.People.AnyAsync(cancellationToken))
            {
                await output.WriteLineAsync($"{session.Location} already has people; nothing seeded.");
            }
            else
            {
                var stopwatch = Stopwatch.StartNew();
                await session.Get<DemoSeeder>().SeedIfEmptyAsync(parse.GetValue(seed), cancellationToken);
                await output.WriteLineAsync(
                    $"Seeded {await session.Db.People.CountAsync(cancellationToken)} people and {await session.Db.Communities.CountAsync(cancellationToken)} " +
                    $"communities into {session.Location} in {stopwatch.Elapsed.TotalSeconds:0.00} s.");
            }

            var login = DemoSeeder.Login;
            await output.WriteLineAsync(await session.Get<UserManager<Account>>().FindByEmailAsync(login.Email) is null
                ? "This database has no demo account."
                : $"Demo login: {login.Email} / {login.Password}");
            return 0;
        });
        return command;
    }
}
