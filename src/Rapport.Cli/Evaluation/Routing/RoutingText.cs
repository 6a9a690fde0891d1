using Rapport.Cli.Reports;
using static System.FormattableString;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>The human-readable form of a <see cref="RoutingReport"/>; <c>--json</c> prints the report itself.</summary>
internal static class RoutingText
{
    public static async Task WriteAsync(TextWriter output, RoutingReport report)
    {
        await output.WriteLineAsync(Invariant(
            $"{report.Site}: {report.Questions} questions; test = the {report.TestQuestions} answered ones after {report.Cutoff:yyyy-MM-dd HH:mm:ss} ") +
            Invariant($"(split {report.Split}; {report.TestQuestionsWithAccepted} with an accepted answer); {report.MeanCandidates} candidates per question on average."));
        await output.WriteLineAsync(report.Tuned
            ? Invariant($"Parameters chosen by rolling-origin validation on {report.ValidationQuestions} questions in {report.ValidationBlocks.Count} blocks of the training period (--tune).")
            : Invariant($"Parameters: the documented defaults (docs/routing.md); {report.ValidationQuestions} validation questions in {report.ValidationBlocks.Count} blocks shown for reference."));
        await output.WriteLineAsync(report.Learned.Used
            ? Invariant($"rapport = the learned ranker ({report.Learned.Features} features, penalty centre {report.Learned.Centre}, λ {report.Learned.Regularization}, {report.Learned.Trees} trees; ") +
                Invariant($"mean validation MRR {report.Learned.LearnedMeanMrr} against {report.Learned.APrioriMeanMrr} for the a-priori product).")
            : Invariant($"rapport = the a-priori product (mean validation MRR {report.Learned.APrioriMeanMrr}; the learned ranker had {report.Learned.LearnedMeanMrr})."));
        await output.WriteLineAsync();
        await Table(output, "test", report.Methods);
        await output.WriteLineAsync();
        await Table(output, "test ablation", report.Ablations);
        await output.WriteLineAsync();
        await Table(output, "validation", report.Validation);
    }

    private static async Task Table(TextWriter output, string title, IEnumerable<RoutingMetrics> rows)
    {
        var table = new TextTable(title, "MRR", "P@1", "P@5", "nDCG@10", "Hit@10", "MRR accepted");
        foreach (var row in rows)
        {
            table.Add(row.Name, row.Mrr, row.PrecisionAt1, row.PrecisionAt5, row.NdcgAt10, row.HitAt10, row.MrrAccepted);
        }

        await table.WriteAsync(output);
    }
}
