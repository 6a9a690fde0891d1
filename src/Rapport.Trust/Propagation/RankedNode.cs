using System.Runtime.CompilerServices;

namespace Rapport.Trust.Propagation;

/// <summary>A person an algorithm scored, before selection.</summary>
/// <param name="Node">Node index.</param>
/// <param name="Score">The algorithm's score, positive.</param>
/// <param name="Distance">Hops from the viewer (breadth-first), the first tie-break.</param>
internal readonly record struct RankedNode(int Node, float Score, int Distance)
{
    /// <summary>
    /// The ranking of every propagation algorithm: higher score first; on equal scores the nearer person (fewer hops:
    /// a shorter chain is the better-founded inference), then the lower node index, so the order is total and
    /// deterministic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Before(in RankedNode a, in RankedNode b) =>
        a.Score != b.Score ? a.Score > b.Score
        : a.Distance != b.Distance ? a.Distance < b.Distance
        : a.Node < b.Node;
}
