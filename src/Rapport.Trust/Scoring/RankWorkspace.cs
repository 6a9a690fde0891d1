using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rapport.Trust.Scoring;

/// <summary>
/// Dense per-node arrays for one ranking query, sized to the snapshot and reused: every node a query touches is listed
/// in <see cref="Touched"/>, and <see cref="Reset"/> clears only those, so a query costs what it touches, not the graph.
/// </summary>
internal sealed class RankWorkspace
{
    internal const byte TouchedFlag = 1;
    internal const byte ActiveFlag = 2;

    /// <summary>Per node: forward push's residual and limit, and the score (settled, then estimated, then lowered by distrust).</summary>
    internal PushNode[] Push { get; private set; } = [];

    internal int[] Touched { get; private set; } = [];

    internal int TouchedCount { get; set; }

    internal byte[] State { get; private set; } = [];

    /// <summary>
    /// Ring buffer of queued nodes; a node is queued at most once at a time, so NodeCount slots suffice; one spare slot
    /// lets forward push write the tail unconditionally. Its length is a power of two, so positions wrap by
    /// <see cref="QueueMask"/> without a branch; head == tail means empty (it can never fill up).
    /// </summary>
    internal int[] Queue { get; private set; } = [];

    internal int QueueMask { get; private set; }

    /// <summary>Power iteration's arrays, allocated on the first exact query.</summary>
    internal double[] ExactScore { get; private set; } = [];

    internal double[] ExactResidual { get; private set; } = [];

    internal double[] ExactNext { get; private set; } = [];

    internal int[] Active { get; private set; } = [];

    internal int[] NextActive { get; private set; } = [];

    /// <summary>Work of the last push: nodes pushed and edges followed (diagnostics for benchmarks).</summary>
    internal long Pushes { get; set; }

    internal long EdgeOperations { get; set; }

    /// <summary>Residual mass the last push left un-pushed, and the 1/(1 − B) scale of its estimates (diagnostics and tests).</summary>
    internal float ResidualLeft { get; set; }

    internal float Scale { get; set; }

    /// <summary>The selection heap of the best nodes.</summary>
    internal ScoredNode[] Heap { get; private set; } = [];

    private bool exactInUse;

    internal void Prepare(int nodeCount, bool exact, int best)
    {
        exactInUse = exact;
        if (Push.Length < nodeCount)
        {
            Push = new PushNode[nodeCount];
            Touched = new int[nodeCount + 1];
            State = new byte[nodeCount];
            Queue = new int[(int)BitOperations.RoundUpToPowerOf2((uint)nodeCount + 1)];
            QueueMask = Queue.Length - 1;
        }

        if (exact && ExactScore.Length < nodeCount)
        {
            ExactScore = new double[nodeCount];
            ExactResidual = new double[nodeCount];
            ExactNext = new double[nodeCount];
            Active = new int[nodeCount];
            NextActive = new int[nodeCount];
        }

        if (Heap.Length < best)
        {
            Heap = new ScoredNode[best];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Touch(int node)
    {
        if ((State[node] & TouchedFlag) == 0)
        {
            State[node] |= TouchedFlag;
            Touched[TouchedCount++] = node;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryMarkActive(int node)
    {
        if ((State[node] & ActiveFlag) != 0)
        {
            return false;
        }

        State[node] |= ActiveFlag;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void UnmarkActive(int node) => State[node] &= unchecked((byte)~ActiveFlag);

    /// <summary>Clears every touched node, leaving the workspace as new.</summary>
    internal void Reset()
    {
        var touched = Touched;
        var push = Push;
        if (!exactInUse)
        {
            for (var i = 0; i < TouchedCount; i++)
            {
                var node = touched[i];
                push[node] = default;
            }
        }
        else
        {
            for (var i = 0; i < TouchedCount; i++)
            {
                var node = touched[i];
                push[node].Score = 0;
                State[node] = 0;
                ExactScore[node] = 0;
                ExactResidual[node] = 0;
                ExactNext[node] = 0;
            }
        }

        TouchedCount = 0;
    }
}
