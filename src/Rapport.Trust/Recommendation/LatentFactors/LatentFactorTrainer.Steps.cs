
namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>The gradient steps of one epoch (see <see cref="LatentFactorTrainer"/> for their order and why it is race-free).</summary>
internal sealed partial class LatentFactorTrainer
{
    private void ComputeUserSums() => ParallelRanges(ratings.UserCount, (begin, end) =>
    {
        for (var u = begin; u < end; u++)
        {
            var sum = z.AsSpan(u * k, k);
            sum.Clear();
            AddScaledRows(sum, y, ratings.ItemsOf(u));
            if (useTrust)
            {
                AddScaledRows(sum, w, trust.TrusteesOf(u));
            }
        }
    });

    private void AddScaledRows(Span<double> sum, double[] rows, ReadOnlySpan<int> indices)
    {
        if (indices.IsEmpty)
        {
            return;
        }

        var scale = 1 / Math.Sqrt(indices.Length);
        foreach (var i in indices)
        {
            FactorMath.AddScaled(sum, scale, rows.AsSpan(i * k, k));
        }
    }

    private void RatingSteps(Rating[] cell)
    {
        var rate = currentRate;
        foreach (var (u, j, value) in cell)
        {
            var pu = p.AsSpan(u * k, k);
            var zu = z.AsSpan(u * k, k);
            var qj = q.AsSpan(j * k, k);
            var error = mean + userBias[u] + itemBias[j] + FactorMath.DotOfSum(qj, pu, zu) - value;
            userBias[u] -= rate * (error + userBiasReg[u] * userBias[u]);
            itemBias[j] -= rate * (error + itemBiasReg[j] * itemBias[j]);
            FactorMath.RatingStep(pu, qj, zu, g.AsSpan(u * k, k), error, rate, userReg[u], itemReg[j]);
        }
    }

    // ∂/∂p_u of λ_t/2 Σ_v (w_v·p_u − 1)² + λ_t/2 |T_u|^-½ ‖p_u‖², with w fixed. As with every other regulariser, the
    // paper's SGD (and LibRec's) applies λ_t |T_u|^-½ p_u once per sample that touches p_u — here once per trust edge
    // of u, so |T_u| times per epoch (λ_t √|T_u| in all), not once per user. With a social regulariser β, also
    // ∂/∂p_u of β_u/2 ‖p_u − mean_v p_v‖² (β_u = β/√|I_u| when weighted), from the copy of p taken before this step.
    private void TrustStepsOnUsers(int begin, int end)
    {
        Span<double> gradient = stackalloc double[k];
        var rate = currentRate;
        var lambda = options.TrustRegularization;
        for (var u = begin; u < end; u++)
        {
            var trustees = trust.TrusteesOf(u);
            if (trustees.IsEmpty)
            {
                continue;
            }

            var pu = p.AsSpan(u * k, k);
            gradient.Clear();
            foreach (var v in trustees)
            {
                var wv = w.AsSpan(v * k, k);
                FactorMath.AddScaled(gradient, FactorMath.Dot(wv, pu) - 1, wv);
            }

            if (previousP is not null)
            {
                // β_u (p_u − mean_v p_v), divided by λ_t because the step below scales the whole gradient by it.
                var weight = options.WeightedRegularization ? 1 / Math.Sqrt(Math.Max(1, ratings.UserDegree(u))) : 1;
                var social = options.SocialRegularization * weight / lambda;
                FactorMath.AddScaled(gradient, social, previousP.AsSpan(u * k, k));
                foreach (var v in trustees)
                {
                    FactorMath.AddScaled(gradient, -social / trustees.Length, previousP.AsSpan(v * k, k));
                }
            }

            var reg = (options.WeightedRegularization ? 1 / Math.Sqrt(trustees.Length) : 1) * trustees.Length;
            FactorMath.Step(pu, gradient, rate * lambda, reg);
        }
    }

    // y_i gets Σ_{u rated i} |I_u|^-½ g_u from the ratings. Sequential SGD (the paper's, LibRec's) regularises every y_i of
    // I_u at each of u's ratings, so y_i's regulariser counts Σ_{u rated i} |I_u| times per epoch; so it does here. It is
    // applied implicitly (a proximal step, dividing by 1 + rate · λ_i · count), which cannot overshoot however popular
    // the item; the explicit step diverges once rate · λ_i · count > 2.
    private void ImplicitStepsOnItems(int begin, int end)
    {
        Span<double> gradient = stackalloc double[k];
        var rate = currentRate;
        for (var i = begin; i < end; i++)
        {
            var raters = ratings.UsersOf(i);
            if (raters.IsEmpty)
            {
                continue;
            }

            gradient.Clear();
            double touches = 0;
            foreach (var u in raters)
            {
                touches += ratings.UserDegree(u);
                FactorMath.AddScaled(gradient, 1 / Math.Sqrt(ratings.UserDegree(u)), g.AsSpan(u * k, k));
            }

            FactorMath.ProximalStep(y.AsSpan(i * k, k), gradient, rate, 1 / (1 + rate * itemReg[i] * touches));
        }
    }

    // w_v gets, from each u who trusts v, |T_u|^-½ g_u (the ratings) and λ_t (w_v·p_u − 1) p_u (the trust term), and
    // its regulariser λ_w |T⁺_v|^-½ once per rating of each such u (at least once), as sequential SGD would, proximally.
    private void TrustStepsOnTrustees(int begin, int end)
    {
        Span<double> gradient = stackalloc double[k];
        var rate = currentRate;
        var lambda = options.TrustRegularization;
        for (var v = begin; v < end; v++)
        {
            var trustors = trust.TrustorsOf(v);
            if (trustors.IsEmpty)
            {
                continue;
            }

            var wv = w.AsSpan(v * k, k);
            gradient.Clear();
            double touches = 0;
            foreach (var u in trustors)
            {
                touches += Math.Max(1, ratings.UserDegree(u));
                var pu = p.AsSpan(u * k, k);
                FactorMath.AddScaled(gradient, 1 / Math.Sqrt(trust.TrusteesOf(u).Length), g.AsSpan(u * k, k));
                FactorMath.AddScaled(gradient, lambda * (FactorMath.Dot(wv, pu) - 1), pu);
            }

            var reg = options.TrustFactorRegularization * (options.WeightedRegularization ? 1 / Math.Sqrt(trustors.Length) : 1) * touches;
            FactorMath.ProximalStep(wv, gradient, rate, 1 / (1 + rate * reg));
        }
    }
}
