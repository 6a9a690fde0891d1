using System.Diagnostics;
using Rapport.Testing;

namespace Rapport.Cli.Tests.Infrastructure;

/// <summary>Debian's Python with the peers' modules (python3-scipy, -igraph, -networkx); tests that need it skip without it, except in CI.</summary>
internal static class PeerPython
{
    public const string Path = "/usr/bin/python3";

    public static void Require(params string[] modules)
    {
        var missing = Missing(modules);
        if (missing is not null)
        {
            TestEnvironment.SkipUnlessCi($"{Path} cannot import {string.Join(", ", modules)} ({missing}); apt-get install python3-scipy python3-igraph python3-networkx.");
        }
    }

    private static string? Missing(string[] modules)
    {
        if (!File.Exists(Path))
        {
            return "not installed";
        }

        using var process = Process.Start(new ProcessStartInfo(Path, ["-c", $"import {string.Join(", ", modules)}"]) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : error.Trim().Split('\n').Last();
    }
}
