using System.CommandLine;
using Rapport.Cli.Scoring;

namespace Rapport.Cli.Commands;

/// <summary><c>rapport bench</c>: performance measurements; <c>bench trust</c> for the trust engine and its peers.</summary>
internal static class BenchCommand
{
    public static Command Create(TrustEngine engine, TimeProvider time) =>
        new("bench", "Measure performance against public and synthetic graphs and against peer implementations. See docs/benchmarks.md.")
        {
            BenchTrustCommand.Create(engine, time),
            Benchmarks.Feed.BenchFeedCommand.Create(time),
        };
}
