using Rapport.Trust.Propagation;

namespace Rapport.Trust.Admission;

/// <summary>
/// The breadth-first search of admission: who is reached from the seeds along certifications, at what distance and
/// so with what capacity, and the certifications that can carry flow. People are numbered in the order reached, the
/// seeds first (0 … seeds − 1).
/// </summary>
internal sealed class CertificationReach
{
    private readonly List<int> distances = [];
    private readonly List<int> capacities = [];
    private readonly List<int> certifiers = [];
    private readonly List<int> certified = [];
    private readonly NodeSet nodes = new();

    private CertificationReach()
    {
    }

    internal int Count => nodes.Count;

    /// <summary>Node index of each person reached.</summary>
    internal ReadOnlySpan<int> Nodes => nodes.Members;

    internal IReadOnlyList<int> Capacities => capacities;

    internal int CertificationCount => certifiers.Count;

    /// <summary>Certifications as (certifier, certified) pairs of local indices, only from people who can pass flow on.</summary>
    internal IReadOnlyList<int> Certifiers => certifiers;

    internal IReadOnlyList<int> Certified => certified;

    /// <summary>
    /// Searches from <paramref name="seeds"/> (sorted, distinct). People beyond the schedule have capacity 1 and pass
    /// nothing on, so the search reads the rows of people within the schedule only: everyone one hop further is still
    /// reached, and no one further can receive flow.
    /// </summary>
    internal static CertificationReach Search(in CertificationRows rows, int nodeCount, ReadOnlySpan<int> seeds, AdvogatoOptions options)
    {
        var reach = new CertificationReach();
        reach.nodes.Reset(nodeCount);
        foreach (var seed in seeds)
        {
            reach.Add(seed, 0, options);
        }

        for (var person = 0; person < reach.Count; person++)
        {
            var distance = reach.distances[person];
            if (distance >= options.Capacities.Count)
            {
                break;
            }

            var node = reach.nodes.Members[person];
            var passesOn = reach.capacities[person] > 1;
            foreach (var edge in rows.Trust(node))
            {
                if (edge.Weight <= options.CertificationThreshold || edge.To == node)
                {
                    continue;
                }

                var other = reach.Add(edge.To, distance + 1, options);
                if (passesOn)
                {
                    reach.certifiers.Add(person);
                    reach.certified.Add(other);
                }
            }
        }

        return reach;
    }

    /// <summary>The result, with the reached people sorted by node index for look-ups.</summary>
    internal AdmissionResult ToResult(int[] accepted)
    {
        var reached = Nodes.ToArray();
        var order = new int[reached.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(reached, order);
        var byNodeDistance = new int[reached.Length];
        var byNodeCapacity = new int[reached.Length];
        for (var i = 0; i < order.Length; i++)
        {
            byNodeDistance[i] = distances[order[i]];
            byNodeCapacity[i] = capacities[order[i]];
        }

        return new AdmissionResult(accepted, reached, byNodeDistance, byNodeCapacity);
    }

    private int Add(int node, int distance, AdvogatoOptions options)
    {
        var local = nodes.Add(node, out var added);
        if (added)
        {
            distances.Add(distance);
            capacities.Add(distance < options.Capacities.Count ? options.Capacities[distance] : 1);
        }

        return local;
    }
}
