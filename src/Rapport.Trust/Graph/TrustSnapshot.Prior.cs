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

    private float[] Compute()
    {
        var rank = PublicPrior.Compute(PublicTrust);
        Interlocked.CompareExchange(ref publicPrior, rank, null);
        return publicPrior!;
    }
}
