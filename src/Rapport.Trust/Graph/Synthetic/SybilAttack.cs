namespace Rapport.Trust.Graph.Synthetic;

/// <summary>
/// An honest graph with a sybil region attached (<see cref="SybilRegion.Attach"/>). Honest nodes keep their indices
/// 0 .. <see cref="FirstSybil"/>-1; sybils are <see cref="FirstSybil"/> .. <see cref="NodeCount"/>-1.
/// </summary>
public sealed class SybilAttack
{
    /// <summary>Honest nodes plus sybils.</summary>
    public required int NodeCount { get; init; }

    /// <summary>The first sybil index, equal to the number of honest nodes.</summary>
    public required int FirstSybil { get; init; }

    /// <summary>How many sybils there are.</summary>
    public int SybilCount => NodeCount - FirstSybil;

    /// <summary>The honest edges unchanged, then the sybils' edges among themselves, then the attack edges.</summary>
    public required StatementEdge[] Edges { get; init; }

    /// <summary>The honest-to-sybil edges alone, in the order they were drawn.</summary>
    public required StatementEdge[] AttackEdges { get; init; }

    /// <summary>Whether <paramref name="node"/> is a sybil.</summary>
    public bool IsSybil(int node) => node >= FirstSybil;
}
