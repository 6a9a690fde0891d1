using Rapport.Trust.Recommendation.Blending;
using Rapport.Trust.Recommendation.Files;
using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Cli.Evaluation.Recsys;

/// <summary>What <c>eval recsys</c> reads and how it splits it.</summary>
/// <param name="Ratings">Ratings file (plain or gzip).</param>
/// <param name="Trust">Trust file (plain or gzip).</param>
/// <param name="Format">Column layout of both files.</param>
/// <param name="Folds">k of the k-fold cross-validation.</param>
/// <param name="Seed">Seeds the folds and every model.</param>
/// <param name="Models">Only these model names (null: all).</param>
internal sealed record RecsysSettings(string Ratings, string Trust, RatingFileFormat Format, int Folds, int Seed, IReadOnlySet<string>? Models)
{
    public LatentFactorOptions TrustSvd => LatentFactorOptions.TrustSvdDefaults with { Seed = Seed };

    public BlendOptions Blend => BlendOptions.Default with { Model = BlendOptions.DefaultModel with { Seed = Seed } };

    public LatentFactorOptions SvdPlusPlus => LatentFactorOptions.SvdPlusPlusDefaults with { Seed = Seed };
}
