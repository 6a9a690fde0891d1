using System.Runtime.InteropServices;

namespace Rapport.Trust.Graph.Files;

/// <summary>Collects raw edges (self-loops dropped, a repeated pair replaced by its later value) and maps ids to dense indices.</summary>
internal sealed class GraphBuilder
{
    private readonly List<RawEdge> _edges = [];
    private readonly Dictionary<(long From, long To), int> _positions = [];
    private int _selfLoops;
    private int _duplicates;

    public void Add(RawEdge edge)
    {
        if (edge.From == edge.To)
        {
            _selfLoops++;
            return;
        }

        ref var position = ref CollectionsMarshal.GetValueRefOrAddDefault(_positions, (edge.From, edge.To), out var seen);
        if (seen)
        {
            _edges[position] = edge;
            _duplicates++;
        }
        else
        {
            position = _edges.Count;
            _edges.Add(edge);
        }
    }

    public LoadedGraph Build(GraphFileFormat format)
    {
        var dense = new Dictionary<long, int>();
        var originals = new List<long>();
        int Index(long id)
        {
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(dense, id, out var known);
            if (!known)
            {
                index = originals.Count;
                originals.Add(id);
            }

            return index;
        }

        // Trust endpoints first, so 0..NodeCount-1 is exactly the graph trust propagates over.
        var trust = new List<StatementEdge>(_edges.Count);
        foreach (var edge in _edges)
        {
            if (edge.Value > 0)
            {
                trust.Add(new StatementEdge(Index(edge.From), Index(edge.To), edge.Value, TopicIndex.General, EdgeScope.Public));
            }
        }

        var nodeCount = originals.Count;
        var distrust = new List<StatementEdge>();
        foreach (var edge in _edges)
        {
            if (edge.Value < 0)
            {
                distrust.Add(new StatementEdge(Index(edge.From), Index(edge.To), edge.Value, TopicIndex.General, EdgeScope.Public));
            }
        }

        return new LoadedGraph
        {
            Format = format,
            NodeCount = nodeCount,
            AllNodeCount = originals.Count,
            Trust = [.. trust],
            Distrust = [.. distrust],
            OriginalIds = [.. originals],
            SelfLoopsDropped = _selfLoops,
            DuplicatesReplaced = _duplicates,
        };
    }
}
