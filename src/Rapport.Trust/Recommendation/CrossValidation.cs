using Rapport.Trust.Graph.Synthetic;

namespace Rapport.Trust.Recommendation;

/// <summary>k-fold cross-validation over ratings, as the TrustSVD and LibRec evaluations do it.</summary>
public static class CrossValidation
{
    private const ulong FoldPurpose = 0xF01D5;

    /// <summary>
    /// The fold (0 .. <paramref name="folds"/>-1) of each of <paramref name="count"/> ratings: a seeded random
    /// permutation dealt round-robin, so fold sizes differ by at most one. Same seed, same folds, on any machine.
    /// </summary>
    public static int[] Folds(int count, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var order = new SeededRandom(SeededRandom.Derive(seed, FoldPurpose)).Permutation(count);
        var fold = new int[count];
        for (var rank = 0; rank < count; rank++)
        {
            fold[order[rank]] = rank % folds;
        }

        return fold;
    }
}
