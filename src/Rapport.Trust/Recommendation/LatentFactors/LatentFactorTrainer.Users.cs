using Rapport.Trust.Recommendation.Blending;

namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>What happens to the user factors after the epochs: the fold-in of users with few ratings and the shrinkage.</summary>
internal sealed partial class LatentFactorTrainer
{
    // p_u of each user with fewer than FoldInBelowRatings ratings, solved exactly with everything else fixed (z_u current),
    // see FoldIn; R is the user's regularisers as one epoch applies them (λ_u once per rating, λ_t's once per trust edge).
    private void FoldInUsers(int begin, int end)
    {
        for (var u = begin; u < end; u++)
        {
            var n = ratings.UserDegree(u);
            var trustees = useTrust ? trust.TrusteesOf(u) : [];
            if (n >= options.FoldInBelowRatings || (n == 0 && trustees.IsEmpty))
            {
                continue;
            }

            var zu = z.AsSpan(u * k, k);
            var items = ratings.ItemsOf(u);
            var values = ratings.ValuesOfUser(u);
            var itemRows = new double[items.Length * k];
            var targets = new double[items.Length];
            for (var at = 0; at < items.Length; at++)
            {
                var qj = q.AsSpan(items[at] * k, k);
                qj.CopyTo(itemRows.AsSpan(at * k, k));
                targets[at] = values[at] - mean - userBias[u] - itemBias[items[at]] - FactorMath.Dot(qj, zu);
            }

            var trusteeRows = new double[trustees.Length * k];
            for (var at = 0; at < trustees.Length; at++)
            {
                w.AsSpan(trustees[at] * k, k).CopyTo(trusteeRows.AsSpan(at * k, k));
            }

            var regularisation = userReg[u] * n
                + (trustees.IsEmpty ? 0 : options.TrustRegularization * (options.WeightedRegularization ? Math.Sqrt(trustees.Length) : trustees.Length));
            if (regularisation > 0)
            {
                FoldIn(itemRows, targets, trusteeRows, options.TrustRegularization, regularisation, p.AsSpan(u * k, k));
            }
        }
    }

    /// <summary>
    /// The minimiser of ½ Σ_j (t_j − q_j·p)² + λ_t/2 Σ_v (w_v·p − 1)² + R/2 ‖p‖² (R &gt; 0), written to <paramref name="p"/>:
    /// p = (Σ q_j q_jᵀ + λ_t Σ w_v w_vᵀ + R I)⁻¹ (Σ t_j q_j + λ_t Σ w_v). Rows are row-major, p.Length factors each.
    /// </summary>
    internal static void FoldIn(
        ReadOnlySpan<double> itemRows, ReadOnlySpan<double> targets, ReadOnlySpan<double> trusteeRows, double trustWeight, double regularisation, Span<double> p)
    {
        var k = p.Length;
        var regression = new RidgeRegression(k);
        for (var at = 0; at < targets.Length; at++)
        {
            regression.Add(itemRows.Slice(at * k, k), targets[at]);
        }

        // √λ_t w_v with target √λ_t contributes λ_t w_v w_vᵀ and λ_t w_v.
        var root = Math.Sqrt(trustWeight);
        var row = new double[k];
        for (var at = 0; at < trusteeRows.Length / k; at++)
        {
            for (var f = 0; f < k; f++)
            {
                row[f] = root * trusteeRows[at * k + f];
            }

            regression.Add(row, root);
        }

        if (regression.Rows == 0)
        {
            p.Clear();
            return;
        }

        // RidgeRegression solves (XᵀX / n + α I) p = Xᵀy / n: α = R / n.
        regression.Solve(regularisation / regression.Rows).CopyTo(p);
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
