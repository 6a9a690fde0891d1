using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Trust.Tests.Recommendation.LatentFactors;

public sealed class FactorMathTests
{
    // Seven factors: one block of four lanes and three left over, so both paths run.
    private static readonly double[] A = [1, 2, 3, 4, 5, 6, 7];
    private static readonly double[] B = [0.5, -1, 2, 0.25, -3, 1, 2];

    [Fact]
    public void Dot_AddsEveryProduct()
    {
        // 0.5 − 2 + 6 + 1 − 15 + 6 + 14 = 10.5
        Assert.Equal(10.5, FactorMath.Dot(A, B));
    }

    [Fact]
    public void DotOfSum_IsTheDotWithTheSumOfTheTwoRows()
    {
        Assert.Equal(FactorMath.Dot(B, [.. A.Select(a => 2 * a)]), FactorMath.DotOfSum(B, A, A));
    }

    [Fact]
    public void RatingStep_MovesPAndQWithTheOldValues_AndAccumulatesTheGradient()
    {
        double[] p = [.. A], q = [.. B], z = [.. B.Select(b => -b)], g = new double[7];
        const double error = 0.5, rate = 0.1, userReg = 0.2, itemReg = 0.3;

        FactorMath.RatingStep(p, q, z, g, error, rate, userReg, itemReg);

        for (var f = 0; f < 7; f++)
        {
            Assert.Equal(A[f] - rate * (error * B[f] + userReg * A[f]), p[f], 15);
            Assert.Equal(B[f] - rate * (error * (A[f] - B[f]) + itemReg * B[f]), q[f], 15);
            Assert.Equal(error * B[f], g[f], 15);
        }
    }

    [Fact]
    public void AddScaled_Step_AndProximalStep_ActOnEveryFactor()
    {
        double[] sum = [.. A], explicitStep = [.. A], proximal = [.. A];

        FactorMath.AddScaled(sum, 2, B);
        FactorMath.Step(explicitStep, B, 0.1, 0.5);
        FactorMath.ProximalStep(proximal, B, 0.1, 0.5);

        for (var f = 0; f < 7; f++)
        {
            Assert.Equal(A[f] + 2 * B[f], sum[f], 15);
            Assert.Equal(A[f] - 0.1 * (B[f] + 0.5 * A[f]), explicitStep[f], 15);
            Assert.Equal((A[f] - 0.1 * B[f]) * 0.5, proximal[f], 15);
        }
    }
}
