namespace Rapport.Trust.Graph;

/// <summary>
/// Compressed sparse rows that exist only where there are statements: each row has a key (topic, from), rows are
/// sorted by key, so all rows of one topic are contiguous and a node's row on a topic is a binary search away. Memory is
/// 8 bytes per edge (12 when community ids are kept) plus 12 bytes per row, whatever the number of topics or nodes.
/// </summary>
internal sealed class KeyedRows
{
    internal KeyedRows(long[] keys, int[] start, int[] targets, float[] values, int[]? communities)
    {
        Keys = keys;
        Start = start;
        Targets = targets;
        Values = values;
        Communities = communities;
    }

    /// <summary>Row keys, ascending; see <see cref="Key"/>.</summary>
    internal long[] Keys { get; }

    /// <summary>Row starts: row i is <c>[Start[i], Start[i + 1])</c>; length RowCount + 1.</summary>
    internal int[] Start { get; }

    /// <summary>Targets, ascending within a row.</summary>
    internal int[] Targets { get; }

    /// <summary>Statement values, parallel to <see cref="Targets"/>.</summary>
    internal float[] Values { get; }

    /// <summary>Community index of each edge (community layers only), parallel to <see cref="Targets"/>.</summary>
    internal int[]? Communities { get; }

    internal int RowCount => Keys.Length;

    internal int EdgeCount => Start[^1];

    internal static KeyedRows Empty(bool withCommunities) => new([], [0], [], [], withCommunities ? [] : null);

    /// <summary>The key of the row of <paramref name="from"/>'s statements on <paramref name="topic"/>.</summary>
    internal static long Key(int topic, int from) => ((long)topic << 32) | (uint)from;

    internal static int TopicOf(long key) => (int)(key >> 32);

    internal static int FromOf(long key) => (int)(key & 0xFFFF_FFFF);

    /// <summary>The range of rows on <paramref name="topic"/>, as row indices [Begin, End).</summary>
    internal (int Begin, int End) RowsOn(int topic)
    {
        var keys = Keys.AsSpan();
        var first = Key(topic, 0);
        var begin = LowerBound(keys, first);
        var end = LowerBound(keys, first + 0x8000_0000L);
        return (begin, end);
    }

    /// <summary>Row index of <paramref name="key"/> within the row range [begin, end), or -1.</summary>
    internal int FindRow(long key, int begin, int end)
    {
        var found = Keys.AsSpan(begin, end - begin).BinarySearch(key);
        return found >= 0 ? begin + found : -1;
    }

    internal int FindRow(long key) => FindRow(key, 0, Keys.Length);

    /// <summary>Index of the edge to <paramref name="to"/> in row <paramref name="row"/>, or -1.</summary>
    internal int IndexOf(int row, int to)
    {
        var begin = Start[row];
        var found = Targets.AsSpan(begin, Start[row + 1] - begin).BinarySearch(to);
        return found >= 0 ? begin + found : -1;
    }

    private static int LowerBound(ReadOnlySpan<long> keys, long key)
    {
        var found = keys.BinarySearch(key);
        return found >= 0 ? found : ~found;
    }
}
