using System.Globalization;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Benchmarks.Trust;

/// <summary>
/// A/B comparison of PPR push variants in one process: top-10 recall against exact, work per query (pushes, edge
/// operations, residual left) and thread CPU time per query, each variant over all viewers in turn (order rotated each
/// round, so that machine load hits them alike and no variant runs on caches another warmed for the same viewer). <c>RAPPORT_VARIANTS="fp:5e-5,fg:1e-3:1,fs:3e-5:1.4e-5:0.5:10:0.05,top:high"</c>: fp = forward push
/// at ε, lower-bound estimates; fg = forward push at ε ranked with the public prior at a weight; fs:ε:floor:step:k:gap = forward
/// push at ε, then the threshold times a step per further round while the k-th estimate leads the (k+1)-th by less
/// than `gap` of itself, not below the floor (prior weight 1), and with a sixth number the deeper rounds stop after that
/// many times the first round's edge operations; top = TrustQueries.Top at a tier (what callers get).
/// </summary>
internal static class TrustVariants
{
    private const int K = 10;

    /// <summary>How much of each exact ranking is kept: the top 10 and whatever ties with the 10th.</summary>
    private const int ExactKept = 256;

    internal static void Run(string[] graphs)
    {
        var spec = Environment.GetEnvironmentVariable("RAPPORT_VARIANTS") ?? "fp:5e-5,fp:5e-6,top:cheap,top:high";
        var variants = spec.Split(',').Select(Variant.Parse).ToArray();
        var rounds = int.Parse(Environment.GetEnvironmentVariable("RAPPORT_ROUNDS") ?? "5", CultureInfo.InvariantCulture);
        foreach (var graph in graphs)
        {
            Compare(graph, variants, rounds);
        }
    }

    private static void Compare(string graph, Variant[] variants, int rounds)
    {
        var (nodeCount, edges) = TrustReport.Load(graph);
        var snapshot = TrustSnapshot.Build(nodeCount, edges, 1);
        var viewerCount = int.TryParse(Environment.GetEnvironmentVariable("RAPPORT_VIEWERS"), CultureInfo.InvariantCulture, out var asked) ? asked
            : nodeCount >= 1_000_000 ? 20 : nodeCount >= 100_000 ? 60 : 200;
        var viewers = TrustReport.Viewers(snapshot, viewerCount);
        var exact = new Dictionary<int, float>[viewers.Length];
        var exactTop = new int[viewers.Length][];
        var exactOptions = TrustQueryOptions.Default with { Tier = PrecisionTier.Exact };
        var exactClock = System.Diagnostics.Stopwatch.StartNew();

        // The reference is not timed: both cores. Only the head of each exact ranking is kept (recall reads the exact
        // score of what a variant returns only to compare it with the 10th), so a 1M-node graph's lists stay small.
        Parallel.For(0, viewers.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, () => new ScoredNode[ExactKept], (v, _, head) =>
        {
            var count = TrustQueries.Top(snapshot, Perspective.Of(viewers[v]), 0, exactOptions, head);
            exact[v] = new Dictionary<int, float>(count);
            for (var i = 0; i < count; i++)
            {
                exact[v][head[i].Node] = head[i].Score;
            }

            exactTop[v] = head.AsSpan(0, Math.Min(K, count)).ToArray().Select(s => s.Node).ToArray();
            return head;
        }, _ => { });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact reference: {exactClock.Elapsed.TotalSeconds / Math.Max(1, viewers.Length):F2} s wall per viewer"));
        foreach (var variant in variants)
        {
            variant.Clear();
        }

        Console.WriteLine($"## {graph}: {nodeCount:N0} nodes, {snapshot.PublicTrust.EdgeCount:N0} trust edges, {viewers.Length} viewers, {rounds} rounds, variant-major");
        Console.WriteLine("| variant | mean recall@10 | min | pushes | edge ops | residual left | CPU p50 µs | CPU p99 µs | CPU mean µs | B/query |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var into = new ScoredNode[K];
        var recalls = variants.Select(_ => new List<double>()).ToArray();
        var work = new (double Pushes, double Ops, double Left)[variants.Length];
        for (var v = 0; v < viewers.Length; v++)
        {
            for (var x = 0; x < variants.Length; x++)
            {
                var count = variants[x].Query(snapshot, viewers[v], into, out var pushes, out var ops, out var left);
                recalls[x].Add(RecallAt(exact[v], exactTop[v], into.AsSpan(0, count)));
                work[x].Pushes += pushes;
                work[x].Ops += ops;
                work[x].Left += left;
            }
        }

        var cpu = variants.Select(_ => new List<double>()).ToArray();
        var bytes = new long[variants.Length];
        // Variant-major, the variants' order rotated each round: one variant over all viewers, as the bench runs a tier.
        // (Interleaving variants per viewer, as this harness did up to session 5, let every variant after the first find
        // the viewer's neighbourhood in cache: on 1M nodes that halved their CPU time next to the first one's.)
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < variants.Length; turn++)
            {
                var x = (turn + round) % variants.Length;
                foreach (var viewer in viewers)
                {
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var started = ThreadClock.Nanoseconds();
                    variants[x].Query(snapshot, viewer, into, out _, out _, out _);
                    var elapsed = ThreadClock.Nanoseconds() - started;
                    bytes[x] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                    cpu[x].Add(elapsed / 1000.0);
                }
            }
        }

        for (var x = 0; x < variants.Length; x++)
        {
            var n = viewers.Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variants[x].Name} | {recalls[x].Average():F3} | {recalls[x].Min():F2} | {work[x].Pushes / n:F0} | {work[x].Ops / n:F0} | {work[x].Left / n:0.###e0} | {Percentile(cpu[x], 0.5):F1} | {Percentile(cpu[x], 0.99):F1} | {cpu[x].Average():F1} | {bytes[x] / (double)cpu[x].Count:F0} |"));
        }

        foreach (var variant in variants.Where(v => v.Calls > 0))
        {
            Console.WriteLine($"{variant.Name}: mean µs: run {variant.RunNs / 1000.0 / variant.Calls:F1}, distrust {variant.DistrustNs / 1000.0 / variant.Calls:F1}, select {variant.SelectNs / 1000.0 / variant.Calls:F1}; touched {variant.Touched / (double)variant.Calls:F0}");
        }

        Console.WriteLine();
    }

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

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }

    private sealed record Variant(string Name, string Kind, float P, float[] Numbers)
    {


        internal long RunNs { get; set; }

        internal long DistrustNs { get; set; }

        internal long SelectNs { get; set; }

        internal long Touched { get; set; }

        internal long Calls { get; set; }

        private TrustQueryOptions TopOptions { get; } = TrustQueryOptions.Default with { Tier = P == 0 ? PrecisionTier.Cheap : PrecisionTier.High };

        internal void Clear() => RunNs = DistrustNs = SelectNs = Touched = Calls = 0;

        internal static Variant Parse(string text)
        {
            var parts = text.Split(':');
            if (parts[0] == "top")
            {
                return new Variant(text, "top", parts[1] == "cheap" ? 0 : 1, []);
            }

            var numbers = parts[1..].Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            return new Variant(text, parts[0], numbers[0], numbers);
        }

        internal int Query(TrustSnapshot snapshot, int viewer, Span<ScoredNode> into, out long pushes, out long operations, out float left)
        {
            if (Kind == "top")
            {
                pushes = operations = 0;
                left = 0;
                return TrustQueries.Top(snapshot, Perspective.Of(viewer), 0, TopOptions, into);
            }

            var view = new PerspectiveView(snapshot, Perspective.Of(viewer), 0, 0.5f);
            var workspace = WorkspacePool<RankWorkspace>.Rent();
            try
            {
                workspace.Prepare(view.NodeCount, exact: false, Math.Max(into.Length, PrecisionDefaults.HighTop + 1));
                var t0 = ThreadClock.Nanoseconds();
                switch (Kind)
                {
                    case "fp":
                        ForwardPush.Run(view, workspace, 0.15f, P);
                        break;
                    case "fg":
                        ForwardPush.Run(view, workspace, 0.15f, P, Numbers.Length > 1 ? Numbers[1] : PrecisionDefaults.PriorWeight);
                        break;
                    default:
                        ForwardPush.RunUntilSeparated(view, workspace, 0.15f, P, Numbers[1], Numbers[2], (int)Numbers[3], Numbers[4], PrecisionDefaults.PriorWeight,
                            Numbers.Length > 5 ? Numbers[5] : float.PositiveInfinity);
                        break;
                }

                pushes = workspace.Pushes;
                operations = workspace.EdgeOperations;
                left = workspace.ResidualLeft;

                var t1 = ThreadClock.Nanoseconds();
                OneStepDistrust.ApplyInner(view, workspace.Push);
                var t2 = ThreadClock.Nanoseconds();
                var found = TopSelection.Select(workspace, view.InnerViewer, view.Order, into);
                var t3 = ThreadClock.Nanoseconds();
                RunNs += t1 - t0;
                DistrustNs += t2 - t1;
                SelectNs += t3 - t2;
                Touched += workspace.TouchedCount;
                Calls++;
                return found;
            }
            finally
            {
                workspace.Reset();
                WorkspacePool<RankWorkspace>.Return(workspace);
            }
        }
    }
}
