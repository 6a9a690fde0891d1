namespace Rapport.Testing;

/// <summary>
/// The public trust graphs in <c>shared/data/graphs</c> beside the repository (README.md there gives their counts
/// after filtering). <c>RAPPORT_GRAPH_DATA</c> points elsewhere. Compiled into Rapport.Trust.Tests too, which must not
/// reference Core, so this file uses nothing but the BCL and xunit.
/// </summary>
public static class GraphData
{
    public const string BitcoinOtc = "soc-sign-bitcoinotc.csv";
    public const string BitcoinAlpha = "soc-sign-bitcoinalpha.csv";
    public const string Advogato = "advogato.out";
    public const string WikiVote = "wiki-Vote.txt";

    public static string Directory =>
        Environment.GetEnvironmentVariable("RAPPORT_GRAPH_DATA") is { Length: > 0 } directory
            ? directory
            : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "graphs"));

    /// <summary>The path of a graph file; skips the test when it is missing locally, fails it in CI.</summary>
    public static string File(string name)
    {
        var path = Path.Combine(Directory, name);
        if (!System.IO.File.Exists(path))
        {
            var reason = $"{path} is missing (set RAPPORT_GRAPH_DATA to the folder holding the shared graphs).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{reason} CI must run this test.");
            }

            Assert.Skip(reason);
        }

        return path;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Rapport.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Rapport.slnx above {AppContext.BaseDirectory}.");
    }
}
