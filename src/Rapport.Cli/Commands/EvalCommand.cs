using System.CommandLine;
using Rapport.Cli.Scoring;

namespace Rapport.Cli.Commands;

/// <summary><c>rapport eval</c>: quality evaluations of the engines; <c>eval sybil</c> for sybil resistance.</summary>
internal static class EvalCommand
{
    public static Command Create(TrustEngine engine, TimeProvider time) =>
        new("eval", "Evaluate the trust engine's answers on public and synthetic graphs. See docs/benchmarks.md.")
        {
            EvalSybilCommand.Create(engine, time),
            EvalRoutingCommand.Create(time),
            EvalRecsysCommand.Create(time),
        };
}
