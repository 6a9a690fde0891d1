namespace Rapport.Trust.Graph;

/// <summary>
/// A new <see cref="DenseRows"/> from an old one and the sorted changes: untouched runs of rows are copied in bulk
/// (their starts shifted), touched rows are merged with their changes in target order. O(nodes + edges + changes).
/// </summary>
internal static class DenseRowsMerge
{
    internal static DenseRows Merge(DenseRows old, int nodeCount, ReadOnlySpan<EdgeChange> changes, EdgeLayer layer)
    {
        // Dense layers hold general statements only: the changes on topic 0 come first in the sorted list.
        var general = 0;
        int inserted = 0, removed = 0;
        while (general < changes.Length && changes[general].Topic == TopicIndex.General)
        {
            inserted += changes[general].Target == layer ? 1 : 0;
            removed += changes[general].Current == layer ? 1 : 0;
            general++;
        }

        if (inserted == 0 && removed == 0)
        {
            return old.Grow(nodeCount);
        }

        var edgeCount = old.EdgeCount + inserted - removed;
        var output = new Output(
            new int[nodeCount + 1],
            GC.AllocateUninitializedArray<int>(edgeCount),
            GC.AllocateUninitializedArray<float>(edgeCount),
            old.Sums is null ? null : new float[nodeCount]);
        var write = 0;
        var nextRow = 0;
        var i = 0;
        while (i < general)
        {
            if (!changes[i].Concerns(layer))
            {
                i++;
                continue;
            }

            var from = changes[i].From;
            write = CopyRows(old, nextRow, from, output, write);
            var end = i;
            while (end < general && changes[end].From == from)
            {
                end++;
            }

            write = MergeRow(old, from, changes[i..end], layer, output, write);
            nextRow = from + 1;
            i = end;
        }

        write = CopyRows(old, nextRow, nodeCount, output, write);
        output.Start[nodeCount] = write;
        return new DenseRows(output.Start, output.Targets, output.Values, output.Sums);
    }

    private static int CopyRows(DenseRows old, int first, int end, Output output, int write)
    {
        var copyEnd = Math.Min(end, old.NodeCount);
        if (first < copyEnd)
        {
            var source = old.Start[first];
            var length = old.Start[copyEnd] - source;
            var shift = write - source;
            for (var row = first; row < copyEnd; row++)
            {
                output.Start[row] = old.Start[row] + shift;
            }

            Array.Copy(old.Targets, source, output.Targets, write, length);
            Array.Copy(old.Values, source, output.Values, write, length);
            if (output.Sums is not null)
            {
                Array.Copy(old.Sums!, first, output.Sums, first, copyEnd - first);
            }

            write += length;
        }

        for (var row = Math.Max(first, copyEnd); row < end; row++)
        {
            output.Start[row] = write;
        }

        return write;
    }

    private static int MergeRow(DenseRows old, int from, ReadOnlySpan<EdgeChange> changes, EdgeLayer layer, Output output, int write)
    {
        output.Start[from] = write;
        var rowStart = write;
        int i = 0, end = 0;
        if (from < old.NodeCount)
        {
            i = old.Start[from];
            end = old.Start[from + 1];
        }

        var j = 0;
        while (i < end || j < changes.Length)
        {
            if (j < changes.Length && !changes[j].Concerns(layer))
            {
                j++;
                continue;
            }

            if (j == changes.Length || (i < end && old.Targets[i] < changes[j].To))
            {
                output.Targets[write] = old.Targets[i];
                output.Values[write++] = old.Values[i++];
                continue;
            }

            if (i < end && old.Targets[i] == changes[j].To)
            {
                i++; // the old statement is replaced or gone
            }

            if (changes[j].Target == layer)
            {
                output.Targets[write] = changes[j].To;
                output.Values[write++] = changes[j].Value;
            }

            j++;
        }

        if (output.Sums is not null)
        {
            output.Sums[from] = DenseRows.RowSum(output.Values.AsSpan(rowStart, write - rowStart));
        }

        return write;
    }

    private sealed record Output(int[] Start, int[] Targets, float[] Values, float[]? Sums);
}
