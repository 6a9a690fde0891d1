using System.Runtime.CompilerServices;

namespace Rapport.Trust.Graph;

/// <summary>A slice of one layer's row that belongs to a <see cref="ViewRow"/>.</summary>
internal struct RowPart
{
    public int[] Targets;
    public float[] Values;

    /// <summary>Community of each edge when the part must be filtered by membership, otherwise null.</summary>
    public int[]? Communities;

    public int Begin;
    public int End;

    /// <summary>The part's statements are general ones standing in on a topic query.</summary>
    public bool Fallback;

    public readonly bool IsEmpty => Begin >= End;

    internal static RowPart Of(int[] targets, float[] values, int[]? communities, int begin, int end, bool fallback) =>
        new() { Targets = targets, Values = values, Communities = communities, Begin = begin, End = end, Fallback = fallback };

    internal static RowPart Of(KeyedRows rows, int row, bool filterCommunities, bool fallback) =>
        row < 0
            ? default
            : Of(rows.Targets, rows.Values, filterCommunities ? rows.Communities : null, rows.Start[row], rows.Start[row + 1], fallback);
}

/// <summary>Up to six parts: public, community and private statements, on the topic and general.</summary>
[InlineArray(6)]
internal struct RowParts
{
    private RowPart first;
}
