using System.Diagnostics;

namespace Rapport.Cli.Benchmarks;

/// <summary>Median and 99th percentile of per-query times (nearest rank), in microseconds.</summary>
internal readonly record struct Latency(double P50Microseconds, double P99Microseconds)
{
    public static Latency FromTicks(ReadOnlySpan<long> ticks)
    {
        var microseconds = new double[ticks.Length];
        for (var i = 0; i < ticks.Length; i++)
        {
            microseconds[i] = ticks[i] * 1_000_000.0 / Stopwatch.Frequency;
        }

        return FromMicroseconds(microseconds);
    }

    public static Latency FromMicroseconds(IReadOnlyCollection<double> microseconds)
    {
        if (microseconds.Count == 0)
        {
            throw new ArgumentException("No query was timed.", nameof(microseconds));
        }

        var sorted = microseconds.Order().ToArray();
        return new Latency(Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
