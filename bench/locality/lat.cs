#:project ../../src/Rapport.Trust/Rapport.Trust.csproj
#:property TreatWarningsAsErrors=false
#:property Configuration=Release
#:property Optimize=true
// Session 7 (docs/trust-engine.md): in-process A/B timing of the high and cheap tiers on the 10M-edge synthetic graph
// (1M nodes, seed 1 as the bench), variants interleaved per round. LAT_VARIANTS named builds told apart by
// RAPPORT_EXPERIMENT_ORDER, a temporary switch of the session-7 experiment (none / deg / bfs) that is not in the engine
// any more: with the committed engine every variant is the same (degree order). Run: dotnet run lat.cs
using System.Diagnostics;
using Rapport.Trust.Graph;
using Rapport.Trust.Graph.Synthetic;
using Rapport.Trust.Scoring;

var variants = (Environment.GetEnvironmentVariable("LAT_VARIANTS") ?? "none,deg").Split(',');
var queries = int.Parse(Environment.GetEnvironmentVariable("LAT_QUERIES") ?? "1000");
var rounds = int.Parse(Environment.GetEnvironmentVariable("LAT_ROUNDS") ?? "3");
int n = 1_000_000, m = 10_000_000;
var edges = PowerLawGraph.Generate(n, m, 1);
var snaps = new List<(string, TrustSnapshot)>();
foreach (var v in variants)
{
    Environment.SetEnvironmentVariable("RAPPORT_EXPERIMENT_ORDER", v);
    var sw = Stopwatch.StartNew();
    var s = TrustSnapshot.Build(n, edges, 1);
    Console.WriteLine($"build {v}: {sw.ElapsedMilliseconds} ms");
    snaps.Add((v, s));
}
var states = new bool[n];
foreach (var e in edges) states[e.From] = true;
var eligible = Enumerable.Range(0, n).Where(x => states[x]).ToList();
var rnd = new Random(42);
for (var i = 0; i < queries; i++) { var j = rnd.Next(i, eligible.Count); (eligible[i], eligible[j]) = (eligible[j], eligible[i]); }
var sources = eligible.Take(queries).ToArray();
var into = new ScoredNode[10];
var high = TrustQueryOptions.Default;
var cheap = TrustQueryOptions.Default with { Tier = PrecisionTier.Cheap };
// Check answers agree (top-10 overlap between variants).
var firstTops = new Dictionary<int, int[]>();
foreach (var (name, s) in snaps)
{
    double overlap = 0;
    for (var q = 0; q < 100; q++)
    {
        var c = TrustQueries.Top(s, Perspective.Of(sources[q]), 0, high, into);
        var ids = into[..c].Select(x => x.Node).ToArray();
        if (!firstTops.TryGetValue(q, out var f)) { firstTops[q] = ids; f = ids; }
        overlap += f.Intersect(ids).Count() / (double)Math.Max(1, f.Length);
    }
    Console.WriteLine($"{name}: top-10 overlap with first variant over 100 queries {overlap / 100:F3}");
}
var results = snaps.ToDictionary(x => x.Item1, _ => (High: new List<double>(50000), Cheap: new List<double>(50000)));
for (var r = 0; r < rounds; r++)
{
    foreach (var (name, s) in (r % 2 == 0 ? snaps : Enumerable.Reverse(snaps).ToList()))
    {
        foreach (var (opt, list) in new[] { (high, results[name].High), (cheap, results[name].Cheap) })
        {
            var warm = Stopwatch.StartNew();
            for (var q = 0; q < 50 && warm.Elapsed.TotalSeconds < 2; q++) TrustQueries.Top(s, Perspective.Of(sources[q]), 0, opt, into);
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var src in sources)
            {
                var t0 = Stopwatch.GetTimestamp();
                TrustQueries.Top(s, Perspective.Of(src), 0, opt, into);
                list.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
            }
            var alloc = GC.GetAllocatedBytesForCurrentThread() - before;
            if (alloc > 0) Console.WriteLine($"{name} allocated {alloc} B");
        }
    }
    Console.WriteLine($"round {r} load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
}
foreach (var (name, (h, c)) in results)
{
    static double P(List<double> l, double p) { var a = l.OrderBy(x => x).ToArray(); return a[(int)Math.Min(a.Length - 1, Math.Floor(p * a.Length))]; }
    Console.WriteLine($"{name}: high p50 {P(h, 0.5):F1} p99 {P(h, 0.99):F1} mean {h.Average():F1} | cheap p50 {P(c, 0.5):F1} p99 {P(c, 0.99):F1}");
}
