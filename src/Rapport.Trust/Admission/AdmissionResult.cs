namespace Rapport.Trust.Admission;

/// <summary>
/// Who a trust-flow admission accepted, and the capacity each person reached had. Immutable; safe to share.
/// </summary>
public sealed class AdmissionResult
{
    private readonly int[] accepted;
    private readonly int[] reached;
    private readonly int[] distances;
    private readonly int[] capacities;

    internal AdmissionResult(int[] accepted, int[] reached, int[] distances, int[] capacities)
    {
        this.accepted = accepted;
        this.reached = reached;
        this.distances = distances;
        this.capacities = capacities;
        Accepted = Array.AsReadOnly(accepted);
    }

    /// <summary>Accepted node indices, ascending. Seeds are always accepted.</summary>
    public IReadOnlyList<int> Accepted { get; }

    /// <summary>Whether <paramref name="node"/> was accepted.</summary>
    public bool IsAccepted(int node) => Array.BinarySearch(accepted, node) >= 0;

    /// <summary>
    /// Hops from the nearest seed along certifications, or -1 when the certification search did not reach
    /// <paramref name="node"/> (it stops one hop past the capacity schedule).
    /// </summary>
    public int DistanceOf(int node)
    {
        var at = Array.BinarySearch(reached, node);
        return at >= 0 ? distances[at] : -1;
    }

    /// <summary>
    /// The capacity <paramref name="node"/> had in the flow network (from its distance and the schedule), or 0 when it
    /// was not reached: the most people its certifications could admit is this minus one.
    /// </summary>
    public int CapacityOf(int node)
    {
        var at = Array.BinarySearch(reached, node);
        return at >= 0 ? capacities[at] : 0;
    }
}
