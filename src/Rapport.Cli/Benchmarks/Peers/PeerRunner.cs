using System.ComponentModel;
using System.Diagnostics;

namespace Rapport.Cli.Benchmarks.Peers;

/// <summary>
/// Runs one peer script on the files <see cref="PeerInput"/> wrote, single-threaded (BLAS and OpenMP pinned to one
/// thread, like the engine's queries), within a deadline. Never fails silently: a missing interpreter, script or module,
/// a crash or a timeout ends up in the outcome's reason or problem.
/// </summary>
internal sealed class PeerRunner(string python, string scriptsDirectory, TimeSpan timeout)
{
    public async Task<PeerOutcome> RunAsync(Peer peer, string inputDirectory, int queries, CancellationToken cancellationToken)
    {
        if (!File.Exists(python))
        {
            return PeerOutcome.Skipped(peer, $"no Python at {python} (Debian: apt-get install python3 {peer.DebianPackage}, or pass --python).");
        }

        var script = Path.Combine(scriptsDirectory, peer.Script);
        if (!File.Exists(script))
        {
            return PeerOutcome.Skipped(peer, $"no script at {script}.");
        }

        using var process = new Process { StartInfo = StartInfo(script, peer.Arguments, inputDirectory, queries) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return PeerOutcome.Skipped(peer, $"could not start {python}: {e.Message}");
        }

        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var output = new PeerOutput();
        var timedOut = false;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                output.Add(line);
            }

            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        return Outcome(peer, output, queries, timedOut ? null : process.ExitCode, LastLine(await errors));
    }

    private ProcessStartInfo StartInfo(string script, IReadOnlyList<string> arguments, string inputDirectory, int queries)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-u", script, "--input", inputDirectory, "--queries", queries.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in new[] { "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS" })
        {
            start.Environment[variable] = "1";
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return start;
    }

    private PeerOutcome Outcome(Peer peer, PeerOutput output, int requested, int? exitCode, string? lastError)
    {
        if (output.SkippedReason is { } reason)
        {
            return PeerOutcome.Skipped(peer, reason);
        }

        var problem = exitCode switch
        {
            null => $"stopped by the {timeout.TotalSeconds:0} s timeout after {output.Queries.Count} of {requested} queries.",
            not 0 => $"exited with code {exitCode} after {output.Queries.Count} of {requested} queries: {lastError ?? "no message"}",
            _ when output.Unreadable is { } line => $"printed a line that is not peer JSON: {Shorten(line)}",
            _ when output.Queries.Count < requested => $"answered {output.Queries.Count} of {requested} queries.",
            _ => null,
        };
        return output.Queries.Count == 0
            ? PeerOutcome.Skipped(peer, problem ?? "answered no query.")
            : new PeerOutcome(peer, output.Queries, output.Version, output.LoadMilliseconds, null, problem);
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() is { } line ? Shorten(line) : null;

    private static string Shorten(string line) => line.Length <= 200 ? line : $"{line[..200]}…";
}
