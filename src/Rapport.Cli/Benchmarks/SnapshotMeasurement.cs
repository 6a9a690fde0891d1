using System.Diagnostics;
using Rapport.Cli.Graphs;
using Rapport.Cli.Scoring;
using Rapport.Trust.Graph;

namespace Rapport.Cli.Benchmarks;

/// <summary>
/// Building the snapshot: wall time, bytes allocated while building (every thread), and bytes still held afterwards
/// (the managed heap after a full collection, with and without the snapshot), which is what it costs to keep.
/// </summary>
internal sealed record SnapshotMeasurement(TrustSnapshot Snapshot, double BuildMilliseconds, long RetainedBytes, long AllocatedBytes)
{
    public static SnapshotMeasurement Build(TrustEngine engine, BenchGraph graph)
    {
        // JIT the build path on a tiny graph so the timing is the build, not the compiler.
        engine.Build(3, [new StatementEdge(0, 1, 1f, TopicIndex.General, EdgeScope.Public), new StatementEdge(1, 2, 0.5f, TopicIndex.General, EdgeScope.Public)]);

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        var snapshot = engine.Build(graph.NodeCount, graph.Edges);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(snapshot);
        return new SnapshotMeasurement(snapshot, elapsed.TotalMilliseconds, Math.Max(0, retained), allocated);
    }
}
