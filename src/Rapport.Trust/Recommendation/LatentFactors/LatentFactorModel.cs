namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>
/// A trained SVD++ / TrustSVD model. The prediction is
/// <code>r̂(u, j) = μ + b_u + b_j + q_j · (p_u + |I_u|^-½ Σ_{i∈I_u} y_i + |T_u|^-½ Σ_{v∈T_u} w_v)</code>
/// clamped to the training ratings' range. The bracket is kept per user (<c>p_u + z_u</c>), so a prediction costs
/// O(factors). Thread-safe once built.
/// </summary>
public sealed class LatentFactorModel : IRatingPredictor
{
    internal LatentFactorModel(int factors, double mean, double min, double max, double[] userBias, double[] itemBias, double[] userVector, double[] itemFactors)
    {
        Factors = factors;
        Mean = mean;
        Min = min;
        Max = max;
        UserBias = userBias;
        ItemBias = itemBias;
        UserVector = userVector;
        ItemFactors = itemFactors;
    }

    /// <summary>Latent factors (d).</summary>
    public int Factors { get; }

    internal double Mean { get; }

    internal double Min { get; }

    internal double Max { get; }

    internal double[] UserBias { get; }

    internal double[] ItemBias { get; }

    /// <summary>p_u + z_u per user, row-major (user × factor).</summary>
    internal double[] UserVector { get; }

    /// <summary>q_j per item, row-major (item × factor).</summary>
    internal double[] ItemFactors { get; }

    /// <inheritdoc />
    public double? Predict(int user, int item)
    {
        var p = UserVector.AsSpan(user * Factors, Factors);
        var q = ItemFactors.AsSpan(item * Factors, Factors);
        double dot = 0;
        for (var f = 0; f < Factors; f++)
        {
            dot += p[f] * q[f];
        }

        return Math.Clamp(Mean + UserBias[user] + ItemBias[item] + dot, Min, Max);
    }
}
