using Rapport.Trust.Scoring;

namespace Rapport.Trust.Graph;

public sealed partial class TrustSnapshot
{
    private float[]? publicPrior;

    /// <summary>
    /// PageRank of the public general trust layer (<see cref="PublicPrior"/>), computed on first use and kept with the
    /// snapshot. Two threads may both compute it the first time; the result is deterministic, so either copy serves.
    /// </summary>
    internal float[] PublicPriorRank => Volatile.Read(ref publicPrior) ?? Compute();

    private int publicPeople = -1;

    /// <summary>
    /// How many people the public general trust layer names (an edge in or out): exactly the nodes with a positive
    /// prior, since each of them gets teleport mass and nobody else gets any. Counted once per snapshot. Like the prior it
    /// reads public general statements only, so no private or community statement changes it — the tiers scale their
    /// thresholds by it (<see cref="PrecisionDefaults"/>), and a private statement must not change anyone else's work.
    /// </summary>
    internal int PublicPeople
    {
        get
        {
            var people = Volatile.Read(ref publicPeople);
            if (people < 0)
            {
                people = 0;
                foreach (var rank in PublicPriorRank)
                {
                    people += rank > 0 ? 1 : 0;
                }

                Volatile.Write(ref publicPeople, people);
            }

            return people;
        }
    }

    /// <summary>
    /// The prior a refreshed snapshot can take over from the one it was made from, or null. When the public general
    /// trust layer is the same (a refresh that changed only private, community, topic or distrust statements, or only
    /// added nodes), the prior is the same: people who appear in no public general statement get 0 and receive no
    /// teleport, so the old vector padded with zeros is bit for bit what <see cref="PublicPrior.Compute"/> would return.
    /// This keeps the first query after such a write from paying for the power iteration again.
    /// </summary>
    private static float[]? InheritedPrior(TrustSnapshot old, DenseRows publicTrust, int nodeCount)
    {
        if (Volatile.Read(ref old.publicPrior) is not { } prior
            || !ReferenceEquals(publicTrust.Targets, old.PublicTrust.Targets)
            || !ReferenceEquals(publicTrust.Values, old.PublicTrust.Values)
            || prior.Length != old.NodeCount)
        {
            return null;
        }

        if (nodeCount == prior.Length)
        {
            return prior;
        }

        var grown = new float[nodeCount];
        Array.Copy(prior, grown, prior.Length);
        return grown;
    }

    private float[] Compute()
    {
        var rank = PublicPrior.Compute(PublicTrust);
        Interlocked.CompareExchange(ref publicPrior, rank, null);
        return publicPrior!;
    }
}
