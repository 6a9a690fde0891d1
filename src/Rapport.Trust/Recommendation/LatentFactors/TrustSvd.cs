namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>
/// TrustSVD (Guo, Zhang and Yorke-Smith, "TrustSVD: Collaborative Filtering with Both the Explicit and Implicit
/// Influence of User Trust and of Item Ratings", AAAI 2015): SVD++ whose user vector also sums the trust factors w_v of
/// the people the user trusts, with the trust matrix itself factorised (t̂_uv = w_v · p_u) so that trust shapes p_u
/// even for a user with no ratings at all. Loss (t_uv = 1 for every trust edge):
/// <code>
/// ½ Σ_(u,j) (r̂_uj − r_uj)² + λ_t/2 Σ_u Σ_{v∈T_u} (w_v·p_u − t_uv)²
///   + λ/2 Σ_u (|I_u|^-½ b_u² + |I_u|^-½ ‖p_u‖²) + λ_t/2 Σ_u |T_u|^-½ ‖p_u‖²
///   + λ/2 Σ_j (|U_j|^-½ b_j² + |U_j|^-½ ‖q_j‖² + |U_j|^-½ ‖y_j‖²) + λ_w/2 Σ_v |T⁺_v|^-½ ‖w_v‖²
/// </code>
/// The paper has λ_w = λ; the default here is 3 λ (<see cref="LatentFactorOptions.TrustFactorRegularization"/>), and
/// the default prediction is the mean of 3 models (<see cref="LatentFactorOptions.EnsembleSize"/>).
/// </summary>
public static class TrustSvd
{
    /// <summary>
    /// Trains on <paramref name="training"/> and the <paramref name="trust"/> network (same user indices):
    /// <see cref="LatentFactorOptions.EnsembleSize"/> models with consecutive seeds, averaged.
    /// </summary>
    public static LatentFactorEnsemble Train(RatingMatrix training, TrustNetwork trust, LatentFactorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(trust);
        if (trust.UserCount != training.UserCount)
        {
            throw new ArgumentException("The trust network and the ratings must share user indices.", nameof(trust));
        }

        return LatentFactorEnsemble.Train(training, trust, options ?? LatentFactorOptions.TrustSvdDefaults, cancellationToken);
    }
}

/// <summary>
/// SVD++ (Koren, "Factorization meets the neighborhood", KDD 2008): biases, user and item factors and the implicit
/// feedback of which items a user rated, without trust. Same trainer as <see cref="TrustSvd"/> with trust off.
/// </summary>
public static class SvdPlusPlus
{
    /// <summary>Trains on <paramref name="training"/> (<see cref="LatentFactorOptions.EnsembleSize"/> models, averaged; 1 by default).</summary>
    public static LatentFactorEnsemble Train(RatingMatrix training, LatentFactorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        return LatentFactorEnsemble.Train(training, TrustNetwork.None(training.UserCount), options ?? LatentFactorOptions.SvdPlusPlusDefaults, cancellationToken);
    }
}
