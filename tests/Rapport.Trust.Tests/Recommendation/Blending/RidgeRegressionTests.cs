using Rapport.Trust.Recommendation.Blending;

namespace Rapport.Trust.Tests.Recommendation.Blending;

public sealed class RidgeRegressionTests
{
    [Fact]
    public void Solve_GivesTheHandSolvedPenalisedWeights()
    {
        // Rows (1, 0) → 1, (0, 1) → 2, (1, 1) → 3; n = 3. XᵀX/n = [[2, 1], [1, 2]]/3, Xᵀy/n = [4, 5]/3; with α = 1/3:
        // w1 + w2/3 = 4/3 and w1/3 + w2 = 5/3, so w2 = 11/8 and w1 = 7/8.
        var regression = new RidgeRegression(2);
        regression.Add([1, 0], 1);
        regression.Add([0, 1], 2);
        regression.Add([1, 1], 3);

        var weights = regression.Solve(1.0 / 3);

        Assert.Equal(7.0 / 8, weights[0], 12);
        Assert.Equal(11.0 / 8, weights[1], 12);
    }

    [Fact]
    public void Solve_WithATinyPenalty_RecoversAnExactLinearFit()
    {
        var regression = new RidgeRegression(3);
        for (var i = 0; i < 20; i++)
        {
            double[] x = [1, i, i * i % 7];
            regression.Add(x, 0.5 - 2 * x[1] + 3 * x[2]);
        }

        var weights = regression.Solve(1e-12);

        Assert.Equal(0.5, weights[0], 6);
        Assert.Equal(-2, weights[1], 6);
        Assert.Equal(3, weights[2], 6);
    }

    [Fact]
    public void Solve_WithoutRows_GivesZeros_AndRefusesANonPositivePenalty()
    {
        var regression = new RidgeRegression(2);

        Assert.Equal([0.0, 0.0], regression.Solve(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => regression.Solve(0));
    }
}
