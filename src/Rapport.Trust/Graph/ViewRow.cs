namespace Rapport.Trust.Graph;

/// <summary>
/// The out-edges of one node as a <see cref="PerspectiveView"/> sees them, enumerated without allocating:
/// <c>foreach (var edge in view.Trust(node))</c>. Trust rows hold at most one edge per target; see
/// <see cref="PerspectiveView"/> for distrust rows. Order: statements on the query's topic
/// (public, community, private), then general statements (public, community, private), each part in (internal) target order.
/// A ref struct: copy it to enumerate the same row twice.
/// </summary>
internal ref struct ViewRow
{
    private RowParts parts;
    private RowParts topicStatements;
    private readonly ReadOnlySpan<int> visibleCommunities;
    private readonly int topic;
    private readonly float discount;
    private readonly NodeOrder order;
    private int part;
    private int index;

    internal ViewRow(scoped in RowParts parts, scoped in RowParts topicStatements, ReadOnlySpan<int> visibleCommunities, int topic, float discount, NodeOrder order)
    {
        this.order = order;
        this.parts = parts;
        this.topicStatements = topicStatements;
        this.visibleCommunities = visibleCommunities;
        this.topic = topic;
        this.discount = discount;
        index = -1;
        Current = default;
    }

    /// <summary>The edge the enumerator is on.</summary>
    public ViewEdge Current { get; private set; }

    /// <summary>Enumerates this row.</summary>
    public readonly ViewRow GetEnumerator() => this;

    /// <summary>Moves to the next visible edge.</summary>
    public bool MoveNext()
    {
        while (part < 6)
        {
            ref var current = ref parts[part];
            index = index < 0 ? current.Begin : index + 1;
            for (; index < current.End; index++)
            {
                if (current.Communities is not null && visibleCommunities.BinarySearch(current.Communities[index]) < 0)
                {
                    continue;
                }

                var to = current.Targets[index];
                if (current.Fallback && HasTopicStatement(to))
                {
                    continue;
                }

                var value = current.Values[index];
                var weight = Math.Abs(value);
                var external = order.External(to);
                Current = current.Fallback
                    ? new ViewEdge(external, value, weight * discount, TopicIndex.General, IsFallback: true)
                    : new ViewEdge(external, value, weight, topic, IsFallback: false);
                return true;
            }

            part++;
            index = -1;
        }

        return false;
    }

    /// <summary>Whether a visible statement on the query's topic hides the general one to <paramref name="to"/>.</summary>
    private readonly bool HasTopicStatement(int to)
    {
        for (var i = 0; i < 6; i++)
        {
            ref readonly var statements = ref topicStatements[i];
            if (statements.IsEmpty)
            {
                continue;
            }

            var found = statements.Targets.AsSpan(statements.Begin, statements.End - statements.Begin).BinarySearch(to);
            if (found >= 0 && (statements.Communities is null
                || visibleCommunities.BinarySearch(statements.Communities[statements.Begin + found]) >= 0))
            {
                return true;
            }
        }

        return false;
    }
}
