using Rapport.Cli.Reports;
using static System.FormattableString;

namespace Rapport.Cli.Evaluation;

/// <summary>The human-readable form of a <see cref="SybilReport"/>; <c>--json</c> prints the report itself.</summary>
internal static class SybilText
{
    public static async Task WriteAsync(TextWriter output, SybilReport report)
    {
        await output.WriteLineAsync(Invariant(
            $"{report.Graph} ({report.Format}): {report.Nodes:N0} honest nodes, {report.Edges:N0} trust edges; {report.Sybils:N0} sybils trusting ") +
            Invariant($"{report.SybilOutDegree} others each; {report.HonestViewers} honest viewers (seed {report.Seed}), {report.Tier} tier."));
        await output.WriteLineAsync(Invariant(
            $"Bar (QUALITY.md): sybils take at most {report.QualityBar.MaxSybilShare * 100:0.##}% of top-10 slots at k = {report.QualityBar.AttackEdges}."));
        await output.WriteLineAsync();
        var table = new TextTable("algorithm", "k", "sybil share", "sybil slots", "filled slots", "viewers reached", "bar");
        foreach (var row in report.Results)
        {
            table.Add(row.Algorithm, row.AttackEdges, Invariant($"{row.SybilShareTop10 * 100:0.00}%"), row.SybilSlots, row.FilledSlots, row.ViewersWithSybils,
                row.MeetsQualityBar switch { true => "met", false => "MISSED", null => null });
        }

        await table.WriteAsync(output);
        foreach (var skipped in report.Skipped)
        {
            await output.WriteLineAsync($"skipped {skipped.Algorithm}: {skipped.Reason}");
        }
    }
}
