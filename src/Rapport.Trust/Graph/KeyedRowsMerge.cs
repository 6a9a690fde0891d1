namespace Rapport.Trust.Graph;

/// <summary>
/// A new <see cref="KeyedRows"/> from an old one and the sorted changes: untouched runs of rows are copied in bulk,
/// touched rows merged in target order, rows left empty dropped. O(rows + edges + changes) of this layer.
/// </summary>
internal static class KeyedRowsMerge
{
    internal static KeyedRows Merge(KeyedRows old, ReadOnlySpan<EdgeChange> changes, EdgeLayer layer)
    {
        int inserted = 0, removed = 0, newRows = 0;
        var lastKey = -1L;
        foreach (ref readonly var change in changes)
        {
            if (!change.Concerns(layer))
            {
                continue;
            }

            inserted += change.Target == layer ? 1 : 0;
            removed += change.Current == layer ? 1 : 0;
            if (change.RowKey != lastKey)
            {
                newRows++;
                lastKey = change.RowKey;
            }
        }

        if (inserted == 0 && removed == 0)
        {
            return old;
        }

        var edgeCount = old.EdgeCount + inserted - removed;
        var rowCapacity = old.RowCount + newRows;
        var output = new Output(
            new long[rowCapacity],
            new int[rowCapacity + 1],
            GC.AllocateUninitializedArray<int>(edgeCount),
            GC.AllocateUninitializedArray<float>(edgeCount),
            old.Communities is null ? null : GC.AllocateUninitializedArray<int>(edgeCount));
        var cursor = new Cursor();
        var row = 0;
        var i = 0;
        while (true)
        {
            while (i < changes.Length && !changes[i].Concerns(layer))
            {
                i++;
            }

            var changeKey = i < changes.Length ? changes[i].RowKey : long.MaxValue;
            var runEnd = row;
            while (runEnd < old.RowCount && old.Keys[runEnd] < changeKey)
            {
                runEnd++;
            }

            CopyRows(old, row, runEnd, output, ref cursor);
            row = runEnd;
            if (i == changes.Length)
            {
                break;
            }

            var end = i;
            while (end < changes.Length && changes[end].RowKey == changeKey)
            {
                end++;
            }

            var oldRow = row < old.RowCount && old.Keys[row] == changeKey ? row++ : -1;
            MergeRow(old, oldRow, changeKey, changes[i..end], layer, output, ref cursor);
            i = end;
        }

        output.Start[cursor.Rows] = cursor.Edges;
        if (cursor.Rows == rowCapacity)
        {
            return new KeyedRows(output.Keys, output.Start, output.Targets, output.Values, output.Communities);
        }

        return new KeyedRows(
            output.Keys.AsSpan(0, cursor.Rows).ToArray(),
            output.Start.AsSpan(0, cursor.Rows + 1).ToArray(),
            output.Targets,
            output.Values,
            output.Communities);
    }

    private static void CopyRows(KeyedRows old, int first, int end, Output output, ref Cursor cursor)
    {
        if (first >= end)
        {
            return;
        }

        var source = old.Start[first];
        var length = old.Start[end] - source;
        var shift = cursor.Edges - source;
        Array.Copy(old.Keys, first, output.Keys, cursor.Rows, end - first);
        for (var row = first; row < end; row++)
        {
            output.Start[cursor.Rows++] = old.Start[row] + shift;
        }

        Array.Copy(old.Targets, source, output.Targets, cursor.Edges, length);
        Array.Copy(old.Values, source, output.Values, cursor.Edges, length);
        if (output.Communities is not null)
        {
            Array.Copy(old.Communities!, source, output.Communities, cursor.Edges, length);
        }

        cursor.Edges += length;
    }

    private static void MergeRow(KeyedRows old, int oldRow, long key, ReadOnlySpan<EdgeChange> changes, EdgeLayer layer, Output output, ref Cursor cursor)
    {
        var rowStart = cursor.Edges;
        int i = 0, end = 0;
        if (oldRow >= 0)
        {
            i = old.Start[oldRow];
            end = old.Start[oldRow + 1];
        }

        var write = cursor.Edges;
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
                output.Values[write] = old.Values[i];
                if (output.Communities is not null)
                {
                    output.Communities[write] = old.Communities![i];
                }

                write++;
                i++;
                continue;
            }

            if (i < end && old.Targets[i] == changes[j].To)
            {
                i++; // the old statement is replaced or gone
            }

            if (changes[j].Target == layer)
            {
                output.Targets[write] = changes[j].To;
                output.Values[write] = changes[j].Value;
                if (output.Communities is not null)
                {
                    output.Communities[write] = changes[j].Community;
                }

                write++;
            }

            j++;
        }

        if (write > rowStart)
        {
            output.Keys[cursor.Rows] = key;
            output.Start[cursor.Rows++] = rowStart;
            cursor.Edges = write;
        }
    }

    private struct Cursor
    {
        public int Rows;
        public int Edges;
    }

    private sealed record Output(long[] Keys, int[] Start, int[] Targets, float[] Values, int[]? Communities);
}
