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
