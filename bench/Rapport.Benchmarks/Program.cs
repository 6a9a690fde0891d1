using BenchmarkDotNet.Running;
using Rapport.Benchmarks.Trust;

// `trust-report` runs the trust engine's recall and latency report (Stopwatch); anything else goes to BenchmarkDotNet.
// Pick benchmarks with --filter; `--list flat` shows them all.
if (args.Length > 0 && args[0] == "trust-report")
{
    return TrustReport.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
