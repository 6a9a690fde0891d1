using System.Diagnostics;
using Rapport.Cli.Benchmarks;

namespace Rapport.Cli.Tests.Benchmarks;

public sealed class LatencyTests
{
    [Fact]
    public void FromMicroseconds_TakesTheNearestRankPercentiles() =>
        Assert.Equal(new Latency(50, 99), Latency.FromMicroseconds([.. Enumerable.Range(1, 100).Reverse().Select(i => (double)i)]));

    [Fact]
    public void FromMicroseconds_OfOneQuery_IsThatQuery() =>
        Assert.Equal(new Latency(7, 7), Latency.FromMicroseconds([7.0]));

    [Fact]
    public void FromTicks_ConvertsStopwatchTicksToMicroseconds() =>
        Assert.Equal(1_000, Latency.FromTicks([Stopwatch.Frequency / 1_000]).P50Microseconds, 6);
}
