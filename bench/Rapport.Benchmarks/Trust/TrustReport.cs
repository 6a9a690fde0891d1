using System.Diagnostics;
using System.Globalization;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Benchmarks.Trust;

/// <summary>
/// Stopwatch measurements BenchmarkDotNet does not give: top-10 recall of the push tiers against exact PPR, latency
/// percentiles over many viewers, bytes allocated per query, memory per edge, and the time of a large refresh.
/// <c>dotnet run -c Release --project bench/Rapport.Benchmarks -- trust-report [recall|apply] [graph...]</c>
/// </summary>
internal static class TrustReport
{
    private const int K = 10;

    internal static int Run(string[] args)
    {
        var what = args.Length > 1 ? args[1] : "recall";
        var graphs = args.Length > 2 ? args[2..] : [.. TrustGraphs.RealNames, "synthetic-100k", "synthetic-1m"];
        if (what == "alloc")
        {
            // Steady-state allocation of Top: warm up (tiered JIT included), then count bytes over many queries.
            var (nodeCount, edges) = Load(graphs[0]);
            var snapshot = TrustSnapshot.Build(nodeCount, edges, 1);
            var viewers = Viewers(snapshot, 100);
            var into = new ScoredNode[10];
            foreach (var tier in new[] { PrecisionTier.Cheap, PrecisionTier.High })
            {
                var options = TrustQueryOptions.Default with { Tier = tier };
                for (var round = 0; round < 30; round++)
                {
                    foreach (var viewer in viewers)
                    {
                        TrustQueries.Top(snapshot, Perspective.Of(viewer), 0, options, into);
                    }
                }

                Thread.Sleep(500);
                for (var window = 0; window < 3; window++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    for (var round = 0; round < 20; round++)
                    {
                        foreach (var viewer in viewers)
                        {
                            TrustQueries.Top(snapshot, Perspective.Of(viewer), 0, options, into);
                        }
                    }

                    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    Console.WriteLine($"{graphs[0]} {tier}: {allocated} bytes over {20 * viewers.Length} queries (window {window + 1})");
                }
            }

            return 0;
        }

        if (what == "paths")
        {
            foreach (var graph in graphs)
            {
                Paths(graph);
            }

            return 0;
        }

        if (what == "variants")
        {
            TrustVariants.Run(graphs);
            return 0;
        }

        if (what == "push")
        {
            PushProfile(args.Length > 2 ? args[2] : "bitcoin-otc");
            return 0;
        }

        if (what == "calibrate")
        {
            // A dependent-free random-access loop over an L1/L2-resident array: the machine's floor per edge operation.
            var data = new float[8192];
            var index = new int[1 << 20];
            var random = new Rapport.Trust.Graph.Synthetic.SeededRandom(1);
            for (var i = 0; i < index.Length; i++)
            {
                index[i] = (int)(random.NextDouble() * data.Length);
            }

            var clockCalls = ThreadClock.Nanoseconds();
            for (var call = 0; call < 100_000; call++)
            {
                ThreadClock.Nanoseconds();
            }

            Console.WriteLine($"{(ThreadClock.Nanoseconds() - clockCalls) / 100_000.0:F0} ns per thread-CPU-clock read");
            for (var round = 0; round < 5; round++)
            {
                var cpu = ThreadClock.Nanoseconds();
                for (var repeat = 0; repeat < 20; repeat++)
                {
                    foreach (var i in index)
                    {
                        data[i] += 0.5f;
                    }
                }

                Console.WriteLine($"{(ThreadClock.Nanoseconds() - cpu) / (20.0 * index.Length):F2} ns per random float add (CPU time)");
            }

            return 0;
        }

        if (what == "apply")
        {
            Apply(graphs.Length > 0 && args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000_000);
            return 0;
        }

        var thresholds = (Environment.GetEnvironmentVariable("RAPPORT_EPS") ?? "1e-3,3e-4,1e-4,3e-5,1e-5,3e-6,1e-6")
            .Split(',').Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        foreach (var graph in graphs)
        {
            Recall(graph, thresholds);
        }

        return 0;
    }

    /// <summary>
    /// A graph by name; a name ending in <c>@deg</c> is the same graph with its nodes renumbered by total degree,
    /// highest first (an isomorphic copy: same recall and work, different memory locality).
    /// </summary>
    internal static (int NodeCount, StatementEdge[] Edges) Load(string graph)
    {
        if (!graph.EndsWith(DegreeOrdered, StringComparison.Ordinal))
        {
            return LoadNamed(graph);
        }

        var (nodeCount, edges) = LoadNamed(graph[..^DegreeOrdered.Length]);
        var degree = new int[nodeCount];
        foreach (var edge in edges)
        {
            degree[edge.From]++;
            degree[edge.To]++;
        }

        var order = Enumerable.Range(0, nodeCount).OrderByDescending(n => degree[n]).ThenBy(n => n).ToArray();
        var label = new int[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            label[order[i]] = i;
        }

        return (nodeCount, edges.Select(e => e with { From = label[e.From], To = label[e.To] }).ToArray());
    }

    private const string DegreeOrdered = "@deg";

    private static (int NodeCount, StatementEdge[] Edges) LoadNamed(string graph) => graph switch
    {
        "synthetic-100k" => (10_000, Rapport.Trust.Graph.Synthetic.PowerLawGraph.Generate(10_000, 100_000, 7)),
        "synthetic-500k" => (75_879, Rapport.Trust.Graph.Synthetic.PowerLawGraph.Generate(75_879, 508_837, 7)),
        "synthetic-1m" => (100_000, Rapport.Trust.Graph.Synthetic.PowerLawGraph.Generate(100_000, 1_000_000, 7)),
        "synthetic-10m" => (1_000_000, Rapport.Trust.Graph.Synthetic.PowerLawGraph.Generate(1_000_000, 10_000_000, 7)),
        _ => TrustGraphs.Load(graph),
    };

    private static void Recall(string graph, float[] thresholds)
    {
        var (nodeCount, edges) = Load(graph);
        var clock = Stopwatch.StartNew();
        var snapshot = TrustSnapshot.Build(nodeCount, edges, 1);
        var buildMs = clock.Elapsed.TotalMilliseconds;
        var trust = snapshot.PublicTrust;
        Console.WriteLine($"## {graph}: {nodeCount:N0} nodes, {trust.EdgeCount:N0} trust + {snapshot.PublicDistrust.EdgeCount:N0} distrust edges; build {buildMs:F0} ms; "
            + $"snapshot arrays {snapshot.ArrayBytes() / (double)snapshot.EdgeCount:F2} B/edge overall "
            + $"(trust layer: 8 B/edge + {(trust.Start.Length * 4.0 + trust.Sums!.Length * 4.0) / nodeCount:F1} B/node; distrust start 4 B/node; flags 1 B/node)");

        var viewerCount = nodeCount >= 1_000_000 ? 20 : nodeCount >= 100_000 ? 60 : 200;
        var viewers = Viewers(snapshot, viewerCount);
        var all = new ScoredNode[nodeCount];
        var exact = new Dictionary<int, float>[viewers.Length];
        var exactTop = new int[viewers.Length][];
        var exactMicros = new List<double>();
        var exactOptions = TrustQueryOptions.Default with { Tier = PrecisionTier.Exact };
        for (var v = 0; v < viewers.Length; v++)
        {
            var start = Stopwatch.GetTimestamp();
            var count = TrustQueries.Top(snapshot, Perspective.Of(viewers[v]), 0, exactOptions, all);
            exactMicros.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            exact[v] = new Dictionary<int, float>(count);
            for (var i = 0; i < count; i++)
            {
                exact[v][all[i].Node] = all[i].Score;
            }

            exactTop[v] = all.AsSpan(0, Math.Min(K, count)).ToArray().Select(s => s.Node).ToArray();
        }

        Console.WriteLine($"exact: p50 {Percentile(exactMicros, 0.5):F0} µs, p99 {Percentile(exactMicros, 0.99):F0} µs over {viewers.Length} viewers");
        Console.WriteLine("| ε | mean recall@10 | min | viewers ≥ 0.8 | viewers ≥ 0.95 | CPU p50 µs | CPU p99 µs | wall p50 µs | wall p99 µs | B/query |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var into = new ScoredNode[K];
        foreach (var threshold in thresholds)
        {
            var options = TrustQueryOptions.Default with { Tier = PrecisionTier.High, ResidualThreshold = threshold };
            var recalls = new List<double>();
            for (var v = 0; v < viewers.Length; v++)
            {
                var count = TrustQueries.Top(snapshot, Perspective.Of(viewers[v]), 0, options, into);
                recalls.Add(RecallAt(exact[v], exactTop[v], into.AsSpan(0, count)));
            }

            var micros = new List<double>(viewers.Length * 5);
            var cpuMicros = new List<double>(viewers.Length * 5);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var queries = 0;
            for (var round = 0; round < 5; round++)
            {
                foreach (var viewer in viewers)
                {
                    var start = Stopwatch.GetTimestamp();
                    var cpu = ThreadClock.Nanoseconds();
                    TrustQueries.Top(snapshot, Perspective.Of(viewer), 0, options, into);
                    cpuMicros.Add((ThreadClock.Nanoseconds() - cpu) / 1000.0);
                    micros.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                    queries++;
                }
            }

            var perQuery = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)queries;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {threshold:0.#e0} | {recalls.Average():F3} | {recalls.Min():F2} | {recalls.Count(r => r >= 0.8) / (double)recalls.Count:P0} | {recalls.Count(r => r >= 0.95) / (double)recalls.Count:P0} | {Percentile(cpuMicros, 0.5):F1} | {Percentile(cpuMicros, 0.99):F1} | {Percentile(micros, 0.5):F1} | {Percentile(micros, 0.99):F1} | {perQuery:F0} |"));
        }

        Console.WriteLine();
    }

    /// <summary>
    /// Top-10 recall: the share of the exact top 10 that the approximate top 10 holds, where a node tied with the exact
    /// 10th (within 1e-6 relative) counts as a hit.
    /// </summary>
    private static double RecallAt(Dictionary<int, float> exact, int[] exactTop, ReadOnlySpan<ScoredNode> approximate)
    {
        if (exactTop.Length == 0)
        {
            return 1;
        }

        var last = exact[exactTop[^1]];
        var hits = 0;
        foreach (var node in approximate)
        {
            if (exact.TryGetValue(node.Node, out var score) && score >= last * (1 - 1e-6))
            {
                hits++;
            }
        }

        return Math.Min(1, hits / (double)exactTop.Length);
    }

    /// <summary>Random viewers (external indices) who trust someone; the same for any internal node order.</summary>
    internal static int[] Viewers(TrustSnapshot snapshot, int count)
    {
        var trust = snapshot.PublicTrust;
        var random = new Rapport.Trust.Graph.Synthetic.SeededRandom(42);
        var viewers = new List<int>();
        var attempts = 0;
        while (viewers.Count < count && attempts++ < count * 1000)
        {
            var node = (int)(random.NextDouble() * trust.NodeCount);
            var inner = snapshot.Order.Internal(node);
            if (trust.Start[inner + 1] > trust.Start[inner] && !viewers.Contains(node))
            {
                viewers.Add(node);
            }
        }

        return [.. viewers];
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }

    /// <summary>Why (3 paths, ≤ 4 hops) and Level from viewers to their 10th-best person: CPU-time percentiles.</summary>
    private static void Paths(string graph)
    {
        var (nodeCount, edges) = Load(graph);
        var snapshot = TrustSnapshot.Build(nodeCount, edges, 1);
        var viewers = Viewers(snapshot, nodeCount >= 1_000_000 ? 30 : 100);
        var top = new ScoredNode[10];
        var pairs = new List<(int Viewer, int Target)>();
        foreach (var viewer in viewers)
        {
            var count = TrustQueries.Top(snapshot, Perspective.Of(viewer), 0, TrustQueryOptions.Default, top);
            if (count > 0)
            {
                pairs.Add((viewer, top[count - 1].Node));
            }
        }

        var why = new List<double>();
        var level = new List<double>();
        var paths = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var (viewer, target) in pairs)
            {
                var cpu = ThreadClock.Nanoseconds();
                paths += TrustQueries.Why(snapshot, Perspective.Of(viewer), 0, target, maxPaths: 3, maxHops: 4).Count;
                why.Add((ThreadClock.Nanoseconds() - cpu) / 1000.0);
                cpu = ThreadClock.Nanoseconds();
                TrustQueries.Level(snapshot, Perspective.Of(viewer), 0, target, maxHops: 4);
                level.Add((ThreadClock.Nanoseconds() - cpu) / 1000.0);
            }
        }

        Console.WriteLine($"{graph}: {pairs.Count} viewer → 10th-best pairs, {paths / 3.0 / pairs.Count:F1} paths each; "
            + $"Why CPU p50 {Percentile(why, 0.5):F0} µs, p99 {Percentile(why, 0.99):F0} µs; Level CPU p50 {Percentile(level, 0.5):F0} µs, p99 {Percentile(level, 0.99):F0} µs");
    }

    /// <summary>Runs forward push alone for each viewer and reports CPU ns per edge operation.</summary>
    private static void PushProfile(string graph)
    {
        var (nodeCount, edges) = Load(graph);
        var snapshot = TrustSnapshot.Build(nodeCount, edges, 1);
        var viewers = Viewers(snapshot, 200);
        var workspace = new RankWorkspace();
        workspace.Prepare(nodeCount, exact: false, best: 10);
        foreach (var threshold in new[] { 1f, 1e-3f, 5e-5f, 5e-6f })
        {
            long pushes = 0, operations = 0, touched = 0, nanoseconds = 0;
            for (var round = 0; round < 3; round++)
            {
                foreach (var viewer in viewers)
                {
                    var view = new PerspectiveView(snapshot, Perspective.Of(viewer), 0, 0.5f);
                    var cpu = ThreadClock.Nanoseconds();
                    ForwardPush.Run(view, workspace, 0.15f, threshold);
                    nanoseconds += ThreadClock.Nanoseconds() - cpu;
                    pushes += workspace.Pushes;
                    operations += workspace.EdgeOperations;
                    touched += workspace.TouchedCount;
                    workspace.Reset();
                }
            }

            var queries = 3.0 * viewers.Length;
            Console.WriteLine($"{graph} ε={threshold:0e0}: {pushes / queries:F0} pushes, {operations / queries:F0} edge ops, {touched / queries:F0} touched, "
                + $"{nanoseconds / queries / 1000:F1} µs CPU per push, {nanoseconds / (double)operations:F2} ns per edge op");
        }
    }

    private static void Apply(int edgeCount)
    {
        var nodeCount = edgeCount / 10;
        var edges = Rapport.Trust.Graph.Synthetic.PowerLawGraph.Generate(nodeCount, edgeCount, 7);
        var clock = Stopwatch.StartNew();
        var snapshot = TrustSnapshot.Build(nodeCount, edges, 1);
        Console.WriteLine($"build {nodeCount:N0} nodes / {snapshot.EdgeCount:N0} edges: {clock.Elapsed.TotalMilliseconds:F0} ms; "
            + $"{snapshot.ArrayBytes() / (double)snapshot.EdgeCount:F2} B/edge overall");

        // 1M touched edges: 500k new statements, 400k changed values (some flipping sign or scope), 100k removals.
        var random = new Rapport.Trust.Graph.Synthetic.SeededRandom(99);
        var fresh = Rapport.Trust.Graph.Synthetic.PowerLawGraph.Generate(nodeCount, 500_000, 1234);
        var upserts = new List<StatementEdge>(fresh);
        for (var i = 0; i < 400_000; i++)
        {
            var old = edges[(int)(random.NextDouble() * edges.Length)];
            var scope = random.NextDouble() < 0.05 ? EdgeScope.Private : EdgeScope.Public;
            upserts.Add(old with { Value = -old.Value, Scope = scope });
        }

        var removals = new EdgeKey[100_000];
        for (var i = 0; i < removals.Length; i++)
        {
            removals[i] = edges[(int)(random.NextDouble() * edges.Length)].Key;
        }

        var times = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            GC.Collect();
            clock.Restart();
            var next = snapshot.Apply(nodeCount + 1000, upserts.ToArray(), removals, 2);
            times.Add(clock.Elapsed.TotalMilliseconds);
            GC.KeepAlive(next);
        }

        Console.WriteLine($"apply 1,000,000 changes (500k new, 400k changed, 100k removed) to {snapshot.EdgeCount:N0} edges: "
            + $"{string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms (median {Percentile(times, 0.5):F0} ms)");

        // Small refreshes: every layer a delta touches is copied, so their cost is about the size of those layers.
        foreach (var size in new[] { 1, 1_000 })
        {
            var small = upserts.GetRange(0, size).ToArray();
            var smallTimes = new List<double>();
            for (var round = 0; round < 5; round++)
            {
                clock.Restart();
                GC.KeepAlive(snapshot.Apply(nodeCount, small, [], 2));
                smallTimes.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"apply {size:N0} new statement(s): median {Percentile(smallTimes, 0.5):F1} ms");
        }
    }
}
