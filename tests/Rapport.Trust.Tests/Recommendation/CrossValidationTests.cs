using Rapport.Trust.Recommendation;

namespace Rapport.Trust.Tests.Recommendation;

public sealed class CrossValidationTests
{
    [Fact]
    public void Folds_AreBalancedWithinOne_AndTheSameForTheSameSeed()
    {
        var folds = CrossValidation.Folds(103, 5, seed: 7);

        Assert.Equal([21, 21, 21, 20, 20], folds.CountBy(f => f).OrderBy(p => p.Key).Select(p => p.Value));
        Assert.Equal(folds, CrossValidation.Folds(103, 5, seed: 7));
        Assert.NotEqual(folds, CrossValidation.Folds(103, 5, seed: 8));
    }
}
