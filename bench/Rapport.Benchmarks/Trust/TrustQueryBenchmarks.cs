using BenchmarkDotNet.Attributes;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Benchmarks.Trust;

/// <summary>
/// The trust queries on Bitcoin OTC (real graph, README filters; a seeded 100k-edge power-law graph stands in when
/// the file is not there). Each invocation asks for the next of 64 fixed viewers, so a run averages over viewers
/// rather than timing one lucky one. Top: the best 10 at the cheap and high tiers. Why: 3 paths of ≤ 4 hops from a
/// viewer to their 10th-best person. Level: the same pair.
/// </summary>
[MemoryDiagnoser]
public class TrustQueryBenchmarks
{
    private const int Viewers = 64;

    private readonly ScoredNode[] into = new ScoredNode[10];
    private TrustSnapshot snapshot = TrustSnapshot.Empty;
    private int[] viewers = [];
    private int[] targets = [];
    private int next;

    [Params(PrecisionTier.Cheap, PrecisionTier.High)]
    public PrecisionTier Tier { get; set; }

    private TrustQueryOptions options = TrustQueryOptions.Default;

    [GlobalSetup]
    public void Setup()
    {
        var (nodeCount, edges) = File.Exists(Path.Combine(SafeFolder(), "soc-sign-bitcoinotc.csv"))
            ? TrustGraphs.Load("bitcoin-otc")
            : TrustReport.Load("synthetic-100k");
        snapshot = TrustSnapshot.Build(nodeCount, edges, 1);
        options = TrustQueryOptions.Default with { Tier = Tier };
        viewers = TrustReport.Viewers(snapshot, Viewers);
        targets = new int[viewers.Length];
        var top = new ScoredNode[10];
        for (var i = 0; i < viewers.Length; i++)
        {
            var count = TrustQueries.Top(snapshot, Perspective.Of(viewers[i]), 0, TrustQueryOptions.Default, top);
            targets[i] = count > 0 ? top[count - 1].Node : viewers[i];
        }
    }

    [Benchmark]
    public int Top()
    {
        var i = Next();
        return TrustQueries.Top(snapshot, Perspective.Of(viewers[i]), 0, options, into);
    }

    [Benchmark]
    public int Why()
    {
        var i = Next();
        return TrustQueries.Why(snapshot, Perspective.Of(viewers[i]), 0, targets[i], maxPaths: 3, maxHops: 4).Count;
    }

    [Benchmark]
    public float? Level()
    {
        var i = Next();
        return TrustQueries.Level(snapshot, Perspective.Of(viewers[i]), 0, targets[i], maxHops: 4);
    }

    private int Next()
    {
        var i = next;
        next = next + 1 == viewers.Length ? 0 : next + 1;
        return i;
    }

    private static string SafeFolder()
    {
        try
        {
            return TrustGraphs.Folder();
        }
        catch (DirectoryNotFoundException)
        {
            return "";
        }
    }
}
