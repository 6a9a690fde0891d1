namespace Rapport.Trust.Graph;

/// <summary>
/// Compressed sparse rows over every node: row <c>u</c> holds the targets of u's statements in ascending order and
/// their values. 8 bytes per edge (int32 target, float32 value) and 4 bytes per node (row start), plus 4 bytes per
/// node when row sums are kept. Immutable once built; snapshots share instances that a refresh did not touch.
/// </summary>
internal sealed class DenseRows
{
    internal DenseRows(int[] start, int[] targets, float[] values, float[]? sums)
    {
        Start = start;
        Targets = targets;
        Values = values;
        Sums = sums;
    }

    /// <summary>Row starts: row u is <c>[Start[u], Start[u + 1])</c>; length NodeCount + 1.</summary>
    internal int[] Start { get; }

    /// <summary>Targets, ascending within a row.</summary>
    internal int[] Targets { get; }

    /// <summary>Statement values, parallel to <see cref="Targets"/>.</summary>
    internal float[] Values { get; }

    /// <summary>
    /// Per node, the sum of the row's values added left to right in target order (so every snapshot built from the
    /// same statements holds bit-identical sums); <c>null</c> when the layer does not keep them.
    /// </summary>
    internal float[]? Sums { get; }

    internal int NodeCount => Start.Length - 1;

    internal int EdgeCount => Start[^1];

    internal static DenseRows Empty(bool withSums) => new([0], [], [], withSums ? [] : null);

    internal ReadOnlySpan<int> TargetsOf(int node) => Targets.AsSpan(Start[node], Start[node + 1] - Start[node]);

    internal ReadOnlySpan<float> ValuesOf(int node) => Values.AsSpan(Start[node], Start[node + 1] - Start[node]);

    /// <summary>Index of edge from → to in <see cref="Targets"/>, or -1.</summary>
    internal int IndexOf(int from, int to)
    {
        if ((uint)from >= (uint)NodeCount)
        {
            return -1;
        }

        var begin = Start[from];
        var found = Targets.AsSpan(begin, Start[from + 1] - begin).BinarySearch(to);
        return found >= 0 ? begin + found : -1;
    }

    /// <summary>The same rows over more nodes; the new rows are empty and the edge arrays are shared.</summary>
    internal DenseRows Grow(int nodeCount)
    {
        if (nodeCount == NodeCount)
        {
            return this;
        }

        var start = new int[nodeCount + 1];
        Array.Copy(Start, start, Start.Length);
        start.AsSpan(Start.Length).Fill(EdgeCount);
        float[]? sums = null;
        if (Sums is not null)
        {
            sums = new float[nodeCount];
            Array.Copy(Sums, sums, Sums.Length);
        }

        return new DenseRows(start, Targets, Values, sums);
    }

    /// <summary>The sum of a row as <see cref="Sums"/> defines it.</summary>
    internal static float RowSum(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
