using System.CommandLine;
using Rapport.Cli.Scoring;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Cli.Tests.Infrastructure;

/// <summary>What one run of the command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real root command in-process with captured output and an empty environment (so the machine's variables cannot leak in).</summary>
internal static class RapportCli
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(RapportCommand.Create(environment), args);

    /// <summary>Runs the command over another trust engine (the bench and eval verbs).</summary>
    public static Task<CliResult> RunAsync(TrustEngine engine, params string[] args) =>
        RunAsync(RapportCommand.Create(new Dictionary<string, string?>(), engine, TimeProvider.System), args);

    private static async Task<CliResult> RunAsync(RootCommand command, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        var exitCode = await command.Parse(args).InvokeAsync(configuration, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The global options that point the command at <paramref name="database"/>.</summary>
    public static string[] DatabaseArgs(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? ["--data-dir", database.Settings.DataDirectory]
        : ["--provider", "postgres", "--connection", database.Settings.ConnectionString];

    /// <summary>An expected failure: one line on standard error, no stack trace.</summary>
    public static void AssertOneLineError(CliResult result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("rapport: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
