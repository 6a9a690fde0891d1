namespace Rapport.Trust.Graph;

/// <summary>
/// One key's change in a refresh: where the key lives now (<see cref="Current"/>) and where it will live
/// (<see cref="Target"/>; <see cref="EdgeLayer.None"/> for a removal). Sorted by (Topic, From, To, Order).
/// </summary>
internal struct EdgeChange
{
    public int Topic;
    public int From;
    public int To;

    /// <summary>Position in the input: upserts first, then removals, so a later change of a key wins.</summary>
    public int Order;

    public float Value;
    public int Community;
    public EdgeLayer Target;
    public EdgeLayer Current;

    internal readonly long RowKey => KeyedRows.Key(Topic, From);

    internal readonly bool Concerns(EdgeLayer layer) => Current == layer || Target == layer;
}

internal readonly struct EdgeChangeOrder : IComparer<EdgeChange>
{
    public int Compare(EdgeChange x, EdgeChange y)
    {
        if (x.Topic != y.Topic)
        {
            return x.Topic < y.Topic ? -1 : 1;
        }

        if (x.From != y.From)
        {
            return x.From < y.From ? -1 : 1;
        }

        if (x.To != y.To)
        {
            return x.To < y.To ? -1 : 1;
        }

        return x.Order.CompareTo(y.Order);
    }
}
