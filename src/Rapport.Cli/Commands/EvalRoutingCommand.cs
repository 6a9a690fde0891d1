using System.CommandLine;
using System.Globalization;
using Rapport.Cli.Evaluation.Routing;
using Rapport.Cli.Reports;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport eval routing --site DIR</c>: replays a Stack Exchange dump in time order and scores who the router would
/// have asked against who answered, beside the most-active, text-only and trust-only baselines.
/// </summary>
internal static class EvalRoutingCommand
{
    public static Command Create(TimeProvider time)
    {
        var site = new Option<string>("--site") { Description = "A Stack Exchange dump folder (Posts.xml, Users.xml, Comments.xml, Votes.xml, Tags.xml).", Required = true };
        var split = new Option<string>("--split") { Description = "Share of questions, by time, before the test period (0..1).", DefaultValueFactory = _ => "0.8" };
        var tune = new Option<bool>("--tune") { Description = "Use the parameters chosen by rolling-origin validation on this site's training period instead of the defaults." };
        var validationOnly = new Option<bool>("--validation-only") { Description = "Score only the training period's validation windows; the test part is not read (for choosing without seeing it)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (schema in docs/routing.md) instead of tables." };
        var command = new Command("routing",
            "Rank who would answer each test question of a Stack Exchange site from what happened before it (relationships from answers " +
            "and comments, tags as topics) and report MRR, P@1, P@5, nDCG@10, Hit@10 and MRR of the accepted answerer for the router and three baselines.")
        {
            site, split, tune, validationOnly, json,
        };
        command.SetRapportAction(async (parse, output, cancellationToken) =>
        {
            var splitText = parse.GetValue(split)!;
            if (!double.TryParse(splitText, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction))
            {
                throw new CliException($"--split takes a number between 0 and 1, like 0.8; '{splitText}' is not one.");
            }

            var loaded = StackExchangeSite.Load(parse.GetValue(site)!);
            var report = new RoutingEvaluation(time).Run(loaded, new RoutingSettings(fraction, parse.GetValue(tune), parse.GetValue(validationOnly)), cancellationToken);
            await (parse.GetValue(json) ? ReportJson.WriteAsync(output, report) : RoutingText.WriteAsync(output, report));
            return 0;
        });
        return command;
    }
}
