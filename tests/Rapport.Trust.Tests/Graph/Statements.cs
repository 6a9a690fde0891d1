using Rapport.Trust.Graph;

namespace Rapport.Trust.Tests.Graph;

/// <summary>Small hand-written builders for statements in tests.</summary>
internal static class Statements
{
    internal static StatementEdge Public(int from, int to, float value, int topic = TopicIndex.General) =>
        new(from, to, value, topic, EdgeScope.Public);

    internal static StatementEdge InCommunity(int community, int from, int to, float value, int topic = TopicIndex.General) =>
        new(from, to, value, topic, EdgeScope.Community, community);

    internal static StatementEdge Private(int from, int to, float value, int topic = TopicIndex.General) =>
        new(from, to, value, topic, EdgeScope.Private);

    internal static TrustSnapshot Snapshot(int nodeCount, params StatementEdge[] edges) => TrustSnapshot.Build(nodeCount, edges, 1);

    /// <summary>The view's trust row of a node as a list, in enumeration order.</summary>
    internal static List<ViewEdge> TrustRow(this PerspectiveView view, int node)
    {
        var edges = new List<ViewEdge>();
        foreach (var edge in view.Trust(node))
        {
            edges.Add(edge);
        }

        return edges;
    }

    internal static List<ViewEdge> DistrustRow(this PerspectiveView view, int node)
    {
        var edges = new List<ViewEdge>();
        foreach (var edge in view.Distrust(node))
        {
            edges.Add(edge);
        }

        return edges;
    }
}
