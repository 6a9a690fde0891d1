using BenchmarkDotNet.Running;

// Pick benchmarks with --filter; `--list flat` shows them all.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
