using Rapport.Trust.Scoring;

namespace Rapport.Cli.Benchmarks;

/// <summary>The best-first lists of one run, one per query, in one preallocated block so filling them allocates nothing.</summary>
internal sealed class TopLists(int queries, int width)
{
    private readonly ScoredNode[] _items = new ScoredNode[queries * width];
    private readonly int[] _counts = new int[queries];

    public int Queries => queries;

    public int Width => width;

    /// <summary>Where query <paramref name="query"/>'s list is written.</summary>
    public Span<ScoredNode> Slot(int query) => _items.AsSpan(query * width, width);

    public void SetCount(int query, int count) => _counts[query] = Math.Clamp(count, 0, width);

    public ReadOnlySpan<ScoredNode> Of(int query) => _items.AsSpan(query * width, _counts[query]);

    /// <summary>A copy holding only the given queries, in the given order.</summary>
    public TopLists Select(IReadOnlyList<int> queryIndices)
    {
        var selected = new TopLists(queryIndices.Count, width);
        for (var i = 0; i < queryIndices.Count; i++)
        {
            var list = Of(queryIndices[i]);
            list.CopyTo(selected.Slot(i));
            selected.SetCount(i, list.Length);
        }

        return selected;
    }

    public static TopLists From(IReadOnlyList<IReadOnlyList<ScoredNode>> lists, int width)
    {
        var tops = new TopLists(lists.Count, width);
        for (var q = 0; q < lists.Count; q++)
        {
            var list = lists[q].Take(width).ToArray();
            list.CopyTo(tops.Slot(q));
            tops.SetCount(q, list.Length);
        }

        return tops;
    }
}
