using Rapport.Cli.Benchmarks.Peers;
using Rapport.Cli.Tests.Infrastructure;
using Rapport.Trust.Graph;

namespace Rapport.Cli.Tests.Benchmarks.Peers;

/// <summary>The runner never fails silently: each way a peer can go wrong ends up in the outcome, in words.</summary>
public sealed class PeerRunnerTests : IDisposable
{
    private readonly TemporaryDirectory _scripts = new();
    private readonly TemporaryDirectory _input = new();

    public PeerRunnerTests()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "peers", "common.py"), _scripts.File("common.py"));
        PeerInput.Write(_input.Path, 3, [new StatementEdge(0, 1, 1f, TopicIndex.General, EdgeScope.Public), new StatementEdge(1, 2, 0.5f, TopicIndex.General, EdgeScope.Public)], [0, 1]);
    }

    public void Dispose()
    {
        _scripts.Dispose();
        _input.Dispose();
    }

    private Task<PeerOutcome> RunAsync(string body, double timeoutSeconds = 60)
    {
        File.WriteAllText(_scripts.File(Peer.SciPy.Script), $"from common import *\n{body}\n");
        return new PeerRunner(PeerPython.Path, _scripts.Path, TimeSpan.FromSeconds(timeoutSeconds))
            .RunAsync(Peer.SciPy, _input.Path, 2, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Run_ScriptAnsweringEveryQuery_GivesItsListsAndTimings()
    {
        PeerPython.Require("numpy");

        var outcome = await RunAsync("""
            args = arguments("test")
            graph = Graph(args.input)
            announce("scipy", "9.9", clock())
            for source in queries(graph, args.queries):
                started = clock()
                scores = np.array([0.1, 0.5, 0.2])
                report(source, started, top_k(scores, source, args.top))
            """);

        Assert.Null(outcome.SkippedReason);
        Assert.Null(outcome.Problem);
        Assert.Equal("9.9", outcome.Version);
        Assert.Equal([0, 1], outcome.Queries.Select(q => q.Source));
        Assert.Equal([1, 2], outcome.Queries[0].Top.Select(t => t.Node));
        Assert.Equal([2, 0], outcome.Queries[1].Top.Select(t => t.Node));
        Assert.All(outcome.Queries, q => Assert.True(q.Microseconds >= 0));
    }

    [Fact]
    public async Task Run_WhenAModuleIsMissing_IsSkippedNamingItsPackage()
    {
        PeerPython.Require("numpy");

        var outcome = await RunAsync("""require("rapport_no_such_module", "python3-nothing")""");

        Assert.Equal("Python module rapport_no_such_module is missing (Debian: apt-get install python3-nothing)", outcome.SkippedReason);
    }

    [Fact]
    public async Task Run_WhenTheScriptCrashes_IsSkippedWithItsLastErrorLine()
    {
        PeerPython.Require("numpy");

        var outcome = await RunAsync("""raise RuntimeError("matrix is singular")""");

        Assert.StartsWith("exited with code 1 after 0 of 2 queries: RuntimeError: matrix is singular", outcome.SkippedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StoppedByTheTimeout_KeepsTheQueriesItFinished()
    {
        PeerPython.Require("numpy");

        var outcome = await RunAsync("""
            import time
            report(0, clock(), [(1, 0.5)])
            time.sleep(60)
            """, timeoutSeconds: 3);

        Assert.Null(outcome.SkippedReason);
        Assert.Equal(0, outcome.Queries.Single().Source);
        Assert.Equal("stopped by the 3 s timeout after 1 of 2 queries.", outcome.Problem);
    }

    [Fact]
    public async Task Run_PrintingSomethingElse_SaysSo()
    {
        PeerPython.Require("numpy");

        var outcome = await RunAsync("""
            print("progress: 50%")
            report(0, clock(), [(1, 0.5)])
            report(1, clock(), [(2, 0.5)])
            """);

        Assert.Equal("printed a line that is not peer JSON: progress: 50%", outcome.Problem);
        Assert.Equal(2, outcome.Queries.Count);
    }

    [Fact]
    public async Task Run_WithoutPython_IsSkippedNamingThePath()
    {
        var outcome = await new PeerRunner("/nonexistent/python3", _scripts.Path, TimeSpan.FromSeconds(5))
            .RunAsync(Peer.IGraph, _input.Path, 2, TestContext.Current.CancellationToken);

        Assert.Equal("no Python at /nonexistent/python3 (Debian: apt-get install python3 python3-igraph, or pass --python).", outcome.SkippedReason);
    }
}
