using System.CommandLine;
using System.Diagnostics;
using Rapport.Core.Recommendations.Import;

namespace Rapport.Cli.Commands;

/// <summary><c>rapport import ratings</c>: public rating and trust datasets as a community of the instance.</summary>
internal static class ImportCommand
{
    public static Command Create(DatabaseOptions database)
    {
        var format = new Option<string>("--format")
        {
            Description = "The dataset's format. Only filmtrust for now.",
            DefaultValueFactory = _ => "filmtrust",
        };
        format.AcceptOnlyFromAmong("filmtrust");
        var ratings = new Option<FileInfo>("--ratings") { Description = "ratings.txt: userId movieId rating (0.5–4.0).", Required = true };
        var trust = new Option<FileInfo>("--trust") { Description = "trust.txt: trustorId trusteeId trustValue.", Required = true };
        var command = new Command("ratings",
            "Apply migrations, then import FilmTrust as the open \"FilmTrust\" community: its people (no sign-in), public trust, " +
            "films as items \"Film #id\" and ratings as public recommendations (0.5–4.0 mapped onto 1–5 stars). " +
            "A re-run adds only what is missing. See docs/cli.md.")
        {
            format, ratings, trust,
        };
        command.SetRapportAction(async (parse, output, cancellationToken) =>
        {
            FilmTrustData data;
            try
            {
                data = await FilmTrustData.ReadAsync(parse.GetValue(ratings)!.FullName, parse.GetValue(trust)!.FullName, cancellationToken);
            }
            catch (FilmTrustFormatException e)
            {
                throw new CliException($"{e.Message} Nothing was imported.", exitCode: 2);
            }

            await using var session = DatabaseSession.Open(database, parse);
            await session.MigrateAsync(cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            var imported = await session.Get<ImportFilmTrust>().ExecuteAsync(data, cancellationToken);
            await output.WriteLineAsync(imported.ChangedNothing
                ? $"FilmTrust is already in {session.Location}; nothing changed."
                : $"Imported FilmTrust into {session.Location} in {stopwatch.Elapsed.TotalSeconds:0.00} s: {imported.People} people, " +
                  $"{imported.TrustStatements} trust statements, {imported.Items} items, {imported.Recommendations} recommendations" +
                  (data.DuplicateRatings > 0 ? $" ({data.DuplicateRatings} duplicate ratings: kept the last of each)." : "."));
            return 0;
        });
        return new Command("import", "Import public datasets into the database.") { command };
    }
}
