using Rapport.Trust.Graph;
using Rapport.Trust.Propagation;

namespace Rapport.Trust.Admission;

/// <summary>
/// The Advogato trust metric (Levien and Aiken 1998; Levien 2004): sybil-resistant admission by maximum flow. Each
/// person reached from the seeds along certifications gets a capacity by distance (<see cref="AdvogatoOptions.Capacities"/>)
/// and is split into an in-node and an out-node: in → out with capacity c − 1, in → supersink with capacity 1; a
/// certification x → y is an edge out(x) → in(y); a supersource feeds each seed with the schedule's first capacity.
/// After an integer maximum flow, the accepted people are those whose in → supersink edge carries flow.
/// <para>
/// Attack resistance: every unit of flow that reaches people certified only by attackers passes through the out-nodes
/// of the honest people who certified an attacker, so a sybil region of any size behind attack edges from honest
/// people h₁…h_k gets at most Σ (capacity(h_i) − 1) people accepted.
/// </para>
/// <para>
/// Cost: a breadth-first search over the certifications of the people within the schedule's reach (each row read
/// through <see cref="PerspectiveView"/> once), then Dinic's algorithm on a network of 2R + 2 vertices and
/// 2R + certifications edges — a few milliseconds for 50,000 certifications. Allocates; not a per-request query.
/// </para>
/// </summary>
public static class AdvogatoFlow
{
    /// <summary>
    /// Admission to <paramref name="community"/>: certifications are public trust statements and the community's own
    /// statements; nobody's private statement counts, so the result may be shown to every member. Use this to accept
    /// vouched members, with the community's hosts as <paramref name="seeds"/>.
    /// </summary>
    /// <param name="snapshot">The trust graph.</param>
    /// <param name="community">Community index whose statements count.</param>
    /// <param name="seeds">Node indices trusted from the start (order and duplicates do not matter).</param>
    /// <param name="options">Capacity schedule and certification threshold.</param>
    public static AdmissionResult AdmitToCommunity(TrustSnapshot snapshot, int community, ReadOnlySpan<int> seeds, AdvogatoOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegative(community);
        var sorted = SortedSeeds(snapshot, seeds);
        return sorted.Length == 0
            ? Empty
            : Admit(CertificationRows.OfCommunity(snapshot, community), snapshot.NodeCount, sorted, options);
    }

    /// <summary>
    /// Admission as <paramref name="perspective"/> sees the graph: public statements, statements of the perspective's
    /// communities, and the viewer's own statements of every scope (so the viewer's private statements certify).
    /// The result reflects the viewer's private statements: show it to the viewer only.
    /// </summary>
    /// <param name="snapshot">The trust graph.</param>
    /// <param name="perspective">Whose view of the certifications counts.</param>
    /// <param name="seeds">Node indices trusted from the start (order and duplicates do not matter).</param>
    /// <param name="options">Capacity schedule and certification threshold.</param>
    public static AdmissionResult Admit(TrustSnapshot snapshot, Perspective perspective, ReadOnlySpan<int> seeds, AdvogatoOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rows = CertificationRows.Of(snapshot, perspective);
        var sorted = SortedSeeds(snapshot, seeds);
        return sorted.Length == 0 ? Empty : Admit(rows, snapshot.NodeCount, sorted, options);
    }

    private static AdmissionResult Empty => new([], [], [], []);

    private static int[] SortedSeeds(TrustSnapshot snapshot, ReadOnlySpan<int> seeds)
    {
        foreach (var seed in seeds)
        {
            if ((uint)seed >= (uint)snapshot.NodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(seeds), seed, "A seed is not a node of this snapshot.");
            }
        }

        var sorted = seeds.ToArray();
        Array.Sort(sorted);
        return sorted.AsSpan()[..Distinct(sorted)].ToArray();

        static int Distinct(int[] values)
        {
            var count = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (count == 0 || values[count - 1] != values[i])
                {
                    values[count++] = values[i];
                }
            }

            return count;
        }
    }

    private static AdmissionResult Admit(in CertificationRows rows, int nodeCount, int[] seeds, AdvogatoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reach = CertificationReach.Search(rows, nodeCount, seeds, options);
        var people = reach.Count;
        var supersource = 2 * people;
        var supersink = supersource + 1;
        var network = new FlowNetwork(supersink + 1, seeds.Length + (2 * people) + reach.CertificationCount);
        for (var s = 0; s < seeds.Length; s++)
        {
            network.AddEdge(supersource, In(s), options.Capacities[0]);
        }

        var acceptEdges = new int[people];
        for (var p = 0; p < people; p++)
        {
            acceptEdges[p] = network.AddEdge(In(p), supersink, 1);
            var capacity = reach.Capacities[p];
            if (capacity > 1)
            {
                network.AddEdge(In(p), Out(p), capacity - 1);
            }
        }

        for (var c = 0; c < reach.CertificationCount; c++)
        {
            var from = reach.Certifiers[c];
            network.AddEdge(Out(from), In(reach.Certified[c]), reach.Capacities[from] - 1);
        }

        network.MaxFlow(supersource, supersink);

        var accepted = new List<int>();
        for (var p = 0; p < people; p++)
        {
            if (network.Flow(acceptEdges[p]) > 0)
            {
                accepted.Add(reach.Nodes[p]);
            }
        }

        accepted.Sort();
        return reach.ToResult([.. accepted]);

        static int In(int person) => 2 * person;

        static int Out(int person) => (2 * person) + 1;
    }
}
