using Rapport.Cli.Reports;
using static System.FormattableString;

namespace Rapport.Cli.Evaluation.Recsys;

/// <summary>The human-readable form of a <see cref="RecsysReport"/>; <c>--json</c> prints the report itself.</summary>
internal static class RecsysText
{
    public static async Task WriteAsync(TextWriter output, RecsysReport report)
    {
        await output.WriteLineAsync(Invariant(
            $"{report.Dataset} ({report.Format}): {report.Users:N0} users, {report.Items:N0} items, {report.Ratings:N0} ratings ") +
            Invariant($"({report.DuplicateRatingsRemoved:N0} repeated rows removed, the last kept), {report.TrustEdges:N0} trust edges ({report.TrustRowsRemoved:N0} rows removed)."));
        await output.WriteLineAsync(Invariant(
            $"{report.Folds}-fold cross-validation, seed {report.Seed}; cold-start: fewer than {report.ColdStartBelow} training ratings. Errors over predicted ratings."));
        await output.WriteLineAsync();
        var table = new TextTable("model", "trust", "MAE", "RMSE", "coverage", "cold MAE", "cold RMSE", "cold RMSE 95%", "cold coverage", "train s", "train CPU s");
        foreach (var row in report.Models)
        {
            table.Add(row.Name, row.UsesTrust ? "yes" : "no", row.Mae, row.Rmse, row.Coverage, row.ColdMae, row.ColdRmse, Interval(row.ColdRmseInterval), row.ColdCoverage, row.TrainSeconds, row.TrainCpuSeconds);
        }

        await table.WriteAsync(output);
    }

    // The bootstrap interval of the cold RMSE as "low–high" (null, shown "-", where there were no cold predictions).
    private static string? Interval(IReadOnlyList<double>? interval) =>
        interval is [var low, var high] ? Invariant($"{low:0.####}–{high:0.####}") : null;
}
