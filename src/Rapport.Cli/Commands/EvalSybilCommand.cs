using System.CommandLine;
using Rapport.Cli.Evaluation;
using Rapport.Cli.Graphs;
using Rapport.Cli.Reports;
using Rapport.Cli.Scoring;
using Rapport.Trust.Scoring;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport eval sybil</c>: attach a dense sybil region by k attack edges and report the share of honest viewers'
/// top-10 slots that sybils take, per algorithm and k.
/// </summary>
internal static class EvalSybilCommand
{
    private static readonly Dictionary<string, PrecisionTier> Tiers = Enum.GetValues<PrecisionTier>().ToDictionary(ScoringNames.Of, StringComparer.Ordinal);

    public static Command Create(TrustEngine engine, TimeProvider time)
    {
        var graph = new GraphOptions();
        var sybils = OptionRules.Positive(new Option<int>("--sybils") { Description = "Fake accounts in the sybil region.", DefaultValueFactory = _ => 1000 });
        var sybilDegree = OptionRules.Positive(new Option<int>("--sybil-degree") { Description = "Other sybils each sybil trusts (weight 1).", DefaultValueFactory = _ => 10 });
        var attackEdges = new Option<string>("--attack-edges") { Description = "Numbers of honest-to-sybil trust edges to try, comma-separated.", DefaultValueFactory = _ => "1,3,10" };
        var viewers = OptionRules.Positive(new Option<int>("--honest-sources") { Description = "Honest viewers (nodes that trust someone) whose top 10 is checked.", DefaultValueFactory = _ => 200 });
        var tier = new Option<string>("--tier") { Description = "Precision tier of the queries.", DefaultValueFactory = _ => "high" }.AcceptOnlyFromAmong([.. Tiers.Keys]);
        var json = new Option<bool>("--json") { Description = "Print one JSON object (schema in docs/benchmarks.md) instead of a table." };
        var command = new Command("sybil",
            "Attach --sybils fake accounts that trust each other densely to --graph FILE or --synthetic EDGES by k careless honest-to-sybil " +
            "edges for each k in --attack-edges, then report the share of honest viewers' top-10 slots taken by sybils, per algorithm and k.");
        graph.AddTo(command);
        command.Options.Add(sybils);
        command.Options.Add(sybilDegree);
        command.Options.Add(attackEdges);
        command.Options.Add(viewers);
        command.Options.Add(tier);
        command.Options.Add(json);
        command.SetRapportAction(async (parse, output, cancellationToken) =>
        {
            var settings = new SybilSettings(
                parse.GetValue(sybils), parse.GetValue(sybilDegree), OptionRules.PositiveList(parse.GetValue(attackEdges)!, "--attack-edges"),
                parse.GetValue(viewers), parse.GetValue(graph.Seed), Tiers[parse.GetValue(tier)!]);
            var loaded = graph.Load(parse);
            var report = await EngineMissing.GuardAsync(() => Task.FromResult(new SybilEvaluation(engine, time).Run(loaded, settings, cancellationToken)));
            await (parse.GetValue(json) ? ReportJson.WriteAsync(output, report) : SybilText.WriteAsync(output, report));
            return 0;
        });
        return command;
    }
}
