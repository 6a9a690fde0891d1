using Rapport.Cli.Reports;
using static System.FormattableString;

namespace Rapport.Cli.Benchmarks;

/// <summary>The human-readable form of a <see cref="TrustBenchReport"/>; <c>--json</c> prints the report itself.</summary>
internal static class TrustBenchText
{
    public static async Task WriteAsync(TextWriter output, TrustBenchReport report)
    {
        await output.WriteLineAsync(Invariant(
            $"{report.Graph} ({report.Format}): {report.Nodes:N0} nodes, {report.Edges:N0} trust edges ({report.DistrustEdges:N0} distrust edges left out). ") +
            Invariant($"Loaded in {report.LoadMilliseconds:N0} ms, built in {report.BuildMilliseconds:N1} ms, {report.BytesPerEdge:N1} bytes per edge."));
        await output.WriteLineAsync(Invariant(
            $"{report.Queries} sources (seed {report.Seed}); recall@10 against {report.Reference} on the first {report.ReferenceQueries}.") +
            (report.ReferenceAgreement is { } a ? Invariant($" {a.Peer} agrees with it at recall {a.RecallAt10:0.####} (worst query {a.WorstQueryRecall:0.##}, {a.Queries} queries).") : ""));
        await output.WriteLineAsync();

        var table = new TextTable("engine", "algorithm", "tier", "queries", "p50 µs", "p99 µs", "recall@10", "bytes/query", "÷ fastest peer", "× faster at matched recall");
        foreach (var row in report.Results)
        {
            table.Add(row.Engine, row.Algorithm, row.Tier, row.Queries, row.P50Microseconds, row.P99Microseconds, row.RecallAt10, row.AllocatedBytesPerQuery,
                row.RatioToFastestPeer is { } ratio ? Invariant($"{ratio:0.###} ({row.FastestPeer})") : null,
                row.SpeedupAtMatchedRecall is { } speedup ? Invariant($"{speedup:0.##} ({row.MatchedPeer})") : null);
        }

        await table.WriteAsync(output);
        foreach (var skipped in report.Skipped)
        {
            await output.WriteLineAsync($"skipped {skipped.Engine} {skipped.Algorithm} {skipped.Tier}: {skipped.Reason}");
        }

        await output.WriteLineAsync(Invariant($"{report.Machine.Processors} processors, {report.Machine.Runtime}, {report.Machine.Build} build."));
    }
}
