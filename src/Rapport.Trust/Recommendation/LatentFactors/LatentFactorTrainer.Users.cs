using Rapport.Trust.Recommendation.Blending;

namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>What happens to the user factors after the epochs: the fold-in of users with few ratings and the shrinkage.</summary>
internal sealed partial class LatentFactorTrainer
{
    // p_u of each user with fewer than FoldInBelowRatings ratings, solved exactly with everything else fixed (z_u current):
    // the minimiser of ½ Σ_j (t_uj − q_j·p_u)² + λ_t/2 Σ_{v∈T_u} (w_v·p_u − 1)² + R/2 ‖p_u‖², where
    // t_uj = r_uj − μ − b_u − b_j − q_j·z_u and R the user's regularisers as training applies them in one epoch
    // (λ_u once per rating, λ_t's once per trust edge).
    private void FoldInUsers(int begin, int end)
    {
        var row = new double[k];
        for (var u = begin; u < end; u++)
        {
            var n = ratings.UserDegree(u);
            var trustees = useTrust ? trust.TrusteesOf(u) : [];
            if (n >= options.FoldInBelowRatings || (n == 0 && trustees.IsEmpty))
            {
                continue;
            }

            var zu = z.AsSpan(u * k, k);
            var regression = new RidgeRegression(k);
            var items = ratings.ItemsOf(u);
            var values = ratings.ValuesOfUser(u);
            for (var at = 0; at < items.Length; at++)
            {
                var qj = q.AsSpan(items[at] * k, k);
                regression.Add(qj, values[at] - mean - userBias[u] - itemBias[items[at]] - FactorMath.Dot(qj, zu));
            }

            var trustWeight = Math.Sqrt(options.TrustRegularization);
            foreach (var v in trustees)
            {
                var wv = w.AsSpan(v * k, k);
                for (var f = 0; f < k; f++)
                {
                    row[f] = trustWeight * wv[f];
                }

                regression.Add(row, trustWeight);
            }

            var penalty = userReg[u] * n
                + (trustees.IsEmpty ? 0 : options.TrustRegularization * (options.WeightedRegularization ? Math.Sqrt(trustees.Length) : trustees.Length));
            if (penalty > 0)
            {
                regression.Solve(penalty / regression.Rows).CopyTo(p.AsSpan(u * k, k));
            }
        }
    }

    // vector_u ← vector_u · n/(n + c), n = |I_u| (+ |T_u| with trust).
    private void ShrinkUserVectors(double[] vector)
    {
        for (var u = 0; u < ratings.UserCount; u++)
        {
            var n = ratings.UserDegree(u) + (useTrust ? trust.TrusteesOf(u).Length : 0);
            var factor = n / (n + options.UserVectorShrinkage);
            foreach (ref var x in vector.AsSpan(u * k, k))
            {
                x *= factor;
            }
        }
    }
}
