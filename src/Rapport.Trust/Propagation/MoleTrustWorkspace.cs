namespace Rapport.Trust.Propagation;

/// <summary>
/// Scratch memory of one thread's MoleTrust queries, indexed by local index (breadth-first order, so each distance is a
/// contiguous range). Arrays only grow: a steady-state query allocates nothing.
/// </summary>
internal sealed class MoleTrustWorkspace
{
    internal NodeSet Nodes { get; } = new();

    /// <summary>Hops from the viewer.</summary>
    internal int[] Distance = [];

    /// <summary>Σ trust(predecessor) × edge weight over accepted predecessors; the predicted trust once the level is done.</summary>
    internal double[] Trust = [];

    /// <summary>Σ trust(predecessor) over accepted predecessors; 0 means no prediction.</summary>
    internal double[] Weight = [];

    internal RankedNode[] Candidates = [];

    /// <summary>Adds <paramref name="node"/> at <paramref name="distance"/> if new, and returns its local index.</summary>
    internal int Reach(int node, int distance)
    {
        var local = Nodes.Add(node, out var added);
        if (added)
        {
            if (local >= Distance.Length)
            {
                Scratch.Ensure(ref Distance, local + 1);
                Scratch.Ensure(ref Trust, local + 1);
                Scratch.Ensure(ref Weight, local + 1);
                Scratch.Ensure(ref Candidates, local + 1);
            }

            Distance[local] = distance;
            Trust[local] = 0;
            Weight[local] = 0;
        }

        return local;
    }
}
