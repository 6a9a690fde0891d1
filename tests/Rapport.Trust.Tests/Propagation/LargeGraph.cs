using Rapport.Trust.Graph;

namespace Rapport.Trust.Tests.Propagation;

/// <summary>A seeded random graph of every scope, sign and a few topics, big enough to make workspaces grow.</summary>
internal static class LargeGraph
{
    internal static TrustSnapshot Build(int nodes, int edges, int seed)
    {
        var random = new Random(seed);
        var statements = new StatementEdge[edges];
        for (var i = 0; i < edges; i++)
        {
            var from = random.Next(nodes);
            var to = random.Next(nodes);
            var value = random.Next(10) == 0 ? -0.5f : 0.1f + (0.9f * (float)random.NextDouble());
            var topic = random.Next(4) == 0 ? random.Next(1, 4) : TopicIndex.General;
            statements[i] = random.Next(10) switch
            {
                0 => new StatementEdge(from, to, value, topic, EdgeScope.Private),
                1 => new StatementEdge(from, to, value, topic, EdgeScope.Community, random.Next(3)),
                _ => new StatementEdge(from, to, value, topic, EdgeScope.Public),
            };
        }

        return TrustSnapshot.Build(nodes, statements, 1);
    }
}
