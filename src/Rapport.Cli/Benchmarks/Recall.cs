using Rapport.Trust.Scoring;

namespace Rapport.Cli.Benchmarks;

/// <summary>Mean recall@10 over the queries whose reference list is not empty, and the worst single query.</summary>
internal readonly record struct Recall(double Mean, double Worst, int Queries)
{
    public const int K = 10;

    /// <summary>Reference lists are this long, so ties at the 10th place can be recognised.</summary>
    public const int ReferenceWidth = 16;

    /// <summary>Scores this close (relative) to the reference's 10th score count as tied with it.</summary>
    private const double TieTolerance = 1e-6;

    /// <summary>
    /// |found top-10 ∩ reference top-10| / min(10, |reference|), over the first <c>reference.Queries</c> queries. A found
    /// node outside the reference top 10 still counts when the reference scores it as high as its 10th (a tie the two
    /// may break differently). Null when no query has a reference.
    /// </summary>
    public static Recall? AtTen(TopLists found, TopLists reference)
    {
        double sum = 0;
        var worst = 1.0;
        var counted = 0;
        for (var q = 0; q < Math.Min(found.Queries, reference.Queries); q++)
        {
            var expected = reference.Of(q);
            if (expected.IsEmpty)
            {
                continue;
            }

            var recall = OneQuery(found.Of(q), expected);
            sum += recall;
            worst = Math.Min(worst, recall);
            counted++;
        }

        return counted == 0 ? null : new Recall(sum / counted, worst, counted);
    }

    private static double OneQuery(ReadOnlySpan<ScoredNode> found, ReadOnlySpan<ScoredNode> reference)
    {
        var top = Math.Min(K, reference.Length);
        var tenth = reference[top - 1].Score;
        var hits = 0;
        foreach (var candidate in found[..Math.Min(K, found.Length)])
        {
            for (var i = 0; i < reference.Length; i++)
            {
                if (reference[i].Node == candidate.Node)
                {
                    if (i < top || reference[i].Score >= tenth - (Math.Abs(tenth) * TieTolerance))
                    {
                        hits++;
                    }

                    break;
                }
            }
        }

        return Math.Min(1.0, hits / (double)top);
    }
}
