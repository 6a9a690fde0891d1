using Rapport.Trust.Propagation;
using Rapport.Trust.Recommendation;
using Rapport.Trust.Recommendation.Blending;
using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Cli.Evaluation.Recsys;

/// <summary>One recommender as <c>eval recsys</c> runs it: a name, whether it reads trust, and how to train it.</summary>
internal sealed record RecsysModel(string Name, bool UsesTrust, Func<RatingMatrix, TrustNetwork, FoldModels, CancellationToken, IRatingPredictor> Train)
{
    /// <summary>Every model in report order; each trust model is followed by itself without the trust file.</summary>
    public static IReadOnlyList<RecsysModel> All(RecsysSettings settings)
    {
        var models = new List<RecsysModel>
        {
            new("GlobalAvg", false, (r, _, _, _) => Baselines.GlobalAverage(r)),
            new("UserAvg", false, (r, _, _, _) => Baselines.UserAverage(r)),
            new("ItemAvg", false, (r, _, _, _) => Baselines.ItemAverage(r)),
            new("MoleTrust", true, (r, t, _, _) => new MoleTrustPredictor(r, t, MoleTrustOptions.Default)),
            new("SVD++", false, (r, _, _, c) => SvdPlusPlus.Train(r, settings.SvdPlusPlus, c)),
            new("TrustSVD", true, (_, t, f, c) => f.TrustSvd(t, settings.TrustSvd, c)),
            new("Blend", true, (r, t, f, c) => FeatureWeightedBlend.Train(r, t, settings.Blend, f.TrustSvd(t, settings.Blend.Model, c), c)),
        };
        return [.. models.SelectMany(m => m.UsesTrust ? [m, m with { Name = $"{m.Name}-no-trust", UsesTrust = false, WithoutTrust = true }] : new[] { m })
            .Where(m => settings.Models is null || settings.Models.Contains(m.Name))];
    }

    /// <summary>True for the ablation row: trained with an empty trust network.</summary>
    public bool WithoutTrust { get; init; }
}
