namespace Rapport.Trust.Graph.Synthetic;

/// <summary>
/// Attaches a sybil region to an honest graph, the standard model for sybil resistance (SybilGuard, SybilRank): the
/// attacker creates many accounts that trust each other densely, and a few careless honest people trust a sybil.
/// Sybils state no trust in honest people, which keeps all the mass that enters the region inside it (the worst case).
/// </summary>
public static class SybilRegion
{
    /// <summary>The value of every sybil statement and attack edge: full trust, the worst case.</summary>
    public const float TrustValue = 1f;

    /// <summary>
    /// Returns the graph with <paramref name="sybilCount"/> sybils, each trusting <paramref name="sybilOutDegree"/>
    /// distinct other sybils chosen at random, and <paramref name="attackEdgeCount"/> edges from distinct random honest
    /// nodes to random sybils. The region depends only on the seed, the count and the degree, and the attack edges are
    /// a prefix of one seeded sequence, so for one seed the attack with k edges contains the attack with fewer.
    /// </summary>
    public static SybilAttack Attach(int honestNodeCount, ReadOnlySpan<StatementEdge> honestEdges, int sybilCount, int sybilOutDegree, int attackEdgeCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sybilCount, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(sybilOutDegree);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sybilOutDegree, sybilCount - 1);
        ArgumentOutOfRangeException.ThrowIfNegative(attackEdgeCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attackEdgeCount, honestNodeCount);

        var region = Region(honestNodeCount, sybilCount, sybilOutDegree, new SeededRandom(SeededRandom.Derive(seed, 11)));
        var attacks = AttackEdges(honestNodeCount, sybilCount, attackEdgeCount, new SeededRandom(SeededRandom.Derive(seed, 12)));
        var edges = new StatementEdge[honestEdges.Length + region.Length + attacks.Length];
        honestEdges.CopyTo(edges);
        region.CopyTo(edges, honestEdges.Length);
        attacks.CopyTo(edges, honestEdges.Length + region.Length);
        return new SybilAttack { NodeCount = honestNodeCount + sybilCount, FirstSybil = honestNodeCount, Edges = edges, AttackEdges = attacks };
    }

    private static StatementEdge[] Region(int firstSybil, int sybilCount, int degree, SeededRandom random)
    {
        var edges = new StatementEdge[sybilCount * degree];
        var chosen = new HashSet<int>(degree);
        for (var s = 0; s < sybilCount; s++)
        {
            chosen.Clear();
            while (chosen.Count < degree)
            {
                var t = random.Next(sybilCount);
                if (t != s && chosen.Add(t))
                {
                    edges[(s * degree) + chosen.Count - 1] = Edge(firstSybil + s, firstSybil + t);
                }
            }
        }

        return edges;
    }

    private static StatementEdge[] AttackEdges(int honestNodeCount, int sybilCount, int count, SeededRandom random)
    {
        var edges = new StatementEdge[count];
        var attackers = new HashSet<int>(count);
        for (var i = 0; i < count; i++)
        {
            int attacker;
            do
            {
                attacker = random.Next(honestNodeCount);
            }
            while (!attackers.Add(attacker));
            edges[i] = Edge(attacker, honestNodeCount + random.Next(sybilCount));
        }

        return edges;
    }

    private static StatementEdge Edge(int from, int to) => new(from, to, TrustValue, TopicIndex.General, EdgeScope.Public);
}
