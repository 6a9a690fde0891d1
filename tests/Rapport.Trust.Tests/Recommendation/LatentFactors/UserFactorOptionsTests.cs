using Rapport.Trust.Graph.Synthetic;
using Rapport.Trust.Recommendation;
using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Trust.Tests.Recommendation.LatentFactors;

/// <summary>The seventh round's options on the user factors: zero start, fold-in and shrinkage (docs/recommendations.md).</summary>
public sealed class UserFactorOptionsTests
{
    private const double Rate = 0.1;
    private const double Lambda = 0.5;

    // One user, one item, r = 4 = μ, one factor (as TrustSvdTests' hand-derived step).
    private static readonly RatingMatrix OneRating = RatingsBuilder.Matrix(1, 1, (0, 0, 4));

    private static readonly LatentFactorOptions OneFactor = new()
    {
        Factors = 1, Epochs = 1, LearningRate = Rate, LearningRateDecay = 1, Regularization = Lambda, BiasRegularization = Lambda, Seed = 1,
    };

    // The initial draws in the trainer's order: p (user 0), w (user 0, 0: nobody trusts them), q (item 0), y (item 0).
    private static (double P, double Q, double Y) Draws()
    {
        var random = new SeededRandom(SeededRandom.Derive(1, LatentFactorTrainer.InitPurpose));
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 0.1;
        var (p, _, q, y) = (Normal(), Normal(), Normal(), Normal());
        return (p, q, y);
    }

    [Fact]
    public void ZeroStart_StartsAUserWithFewerRatingsAtZero_AndTakesTheSameHandDerivedStep()
    {
        var (_, q0, y0) = Draws();

        var model = TrustSvd.Train(OneRating, TrustNetwork.None(1), OneFactor with { ZeroStartBelowRatings = 2 }, TestContext.Current.CancellationToken);

        // p0 = 0: e = q0 y0; p1 = −rate e q0; q1 = q0 − rate (e y0 + λ q0); y1 = (y0 − rate e q0) / (1 + rate λ).
        var error = q0 * y0;
        var p1 = -Rate * error * q0;
        var q1 = q0 - Rate * (error * y0 + Lambda * q0);
        var y1 = (y0 - Rate * error * q0) / (1 + Rate * Lambda);
        Assert.Equal(q1, model.Members[0].ItemFactors[0], 15);
        Assert.Equal(p1 + y1, model.Members[0].UserVector[0], 15);
    }

    [Fact]
    public void ZeroStart_LeavesUsersWithEnoughRatingsAsTheyWere()
    {
        var (p0, q0, y0) = Draws();

        var model = TrustSvd.Train(OneRating, TrustNetwork.None(1), OneFactor with { ZeroStartBelowRatings = 1, Epochs = 0 }, TestContext.Current.CancellationToken);

        // No epoch: the vector is the start p0 + z = p0 + y0, and q the start q0.
        Assert.Equal(p0 + y0, model.Members[0].UserVector[0], 15);
        Assert.Equal(q0, model.Members[0].ItemFactors[0], 15);
    }

    [Fact]
    public void FoldIn_SolvesTheUsersFactorsExactly_OnTheHandExample()
    {
        var (_, q0, y0) = Draws();

        var model = TrustSvd.Train(OneRating, TrustNetwork.None(1), OneFactor with { FoldInBelowRatings = 5, Epochs = 0 }, TestContext.Current.CancellationToken);

        // No epoch: biases 0, z = y0; target t = r − μ − q0 y0 = −q0 y0; R = λ/√1 · 1; p = q0 t / (q0² + R).
        var p = q0 * -q0 * y0 / (q0 * q0 + Lambda);
        Assert.Equal(p + y0, model.Members[0].UserVector[0], 15);
    }

    [Fact]
    public void FoldIn_WithoutTrust_IsTheRidgeSolutionWorkedByHand()
    {
        // q1 = (1, 0), q2 = (0, 2), t = (1, 2), R = 1: (QᵀQ + I) = diag(2, 5), Qᵀt = (1, 4), p = (1/2, 4/5).
        var p = new double[2];

        LatentFactorTrainer.FoldIn([1, 0, 0, 2], [1, 2], [], 0.9, 1, p);

        Assert.Equal(0.5, p[0], 14);
        Assert.Equal(0.8, p[1], 14);
    }

    [Fact]
    public void FoldIn_WithTrust_AddsTheTrustTermWorkedByHand()
    {
        // As above plus one trustee w = (1, 1), λ_t = 1: A = [[3, 1], [1, 6]], b = (1, 4) + (1, 1) = (2, 5);
        // det 17, p = ((6 · 2 − 1 · 5) / 17, (3 · 5 − 1 · 2) / 17) = (7/17, 13/17).
        var p = new double[2];

        LatentFactorTrainer.FoldIn([1, 0, 0, 2], [1, 2], [1, 1], 1, 1, p);

        Assert.Equal(7.0 / 17, p[0], 14);
        Assert.Equal(13.0 / 17, p[1], 14);
    }

    [Fact]
    public void FoldIn_SetsTheGradientOfTheUsersLossToZero()
    {
        var random = new Random(3);
        const int k = 5, items = 3, trustees = 2;
        const double trustWeight = 0.9, regularisation = 1.3;
        var q = Enumerable.Range(0, items * k).Select(_ => random.NextDouble() - 0.5).ToArray();
        var t = Enumerable.Range(0, items).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var w = Enumerable.Range(0, trustees * k).Select(_ => random.NextDouble() - 0.5).ToArray();
        var p = new double[k];

        LatentFactorTrainer.FoldIn(q, t, w, trustWeight, regularisation, p);

        // ∂/∂p: −Σ_j (t_j − q_j·p) q_j + λ_t Σ_v (w_v·p − 1) w_v + R p = 0.
        var gradient = p.Select(x => regularisation * x).ToArray();
        for (var j = 0; j < items; j++)
        {
            var e = t[j] - Enumerable.Range(0, k).Sum(f => q[j * k + f] * p[f]);
            for (var f = 0; f < k; f++)
            {
                gradient[f] -= e * q[j * k + f];
            }
        }

        for (var v = 0; v < trustees; v++)
        {
            var e = Enumerable.Range(0, k).Sum(f => w[v * k + f] * p[f]) - 1;
            for (var f = 0; f < k; f++)
            {
                gradient[f] += trustWeight * e * w[v * k + f];
            }
        }

        Assert.All(gradient, g => Assert.Equal(0, g, 12));
        Assert.Contains(p, x => Math.Abs(x) > 0.01);
    }

    [Fact]
    public void FoldIn_ChangesOnlyUsersWithFewerRatings_AndIsDeterministic()
    {
        // User 0 has 3 ratings, user 1 one, user 2 none but trusts user 0; fold-in below 2 ratings.
        var ratings = RatingsBuilder.Matrix(3, 3, (0, 0, 5), (0, 1, 3), (0, 2, 4), (1, 0, 2));
        var trust = TrustNetwork.Build(3, [(2, 0)]);
        var options = LatentFactorOptions.TrustSvdDefaults with { Factors = 4, Epochs = 5, EnsembleSize = 1 };
        var cancellationToken = TestContext.Current.CancellationToken;

        var plain = TrustSvd.Train(ratings, trust, options, cancellationToken).Members[0].UserVector;
        var folded = TrustSvd.Train(ratings, trust, options with { FoldInBelowRatings = 2 }, cancellationToken).Members[0].UserVector;
        var again = TrustSvd.Train(ratings, trust, options with { FoldInBelowRatings = 2 }, cancellationToken).Members[0].UserVector;

        Assert.Equal(plain[..4], folded[..4]);
        Assert.NotEqual(plain[4..8], folded[4..8]);
        Assert.NotEqual(plain[8..], folded[8..]);
        Assert.Equal(folded, again);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Shrinkage_ScalesEachUserVectorByItsDataCount(double c)
    {
        // n = ratings + trustees: user 0 has 2 + 0, user 1 has 1 + 1, user 2 has 0 + 1.
        var ratings = RatingsBuilder.Matrix(3, 2, (0, 0, 5), (0, 1, 3), (1, 0, 2));
        var trust = TrustNetwork.Build(3, [(1, 0), (2, 0)]);
        var options = LatentFactorOptions.TrustSvdDefaults with { Factors = 4, Epochs = 5, EnsembleSize = 1 };
        var cancellationToken = TestContext.Current.CancellationToken;

        var plain = TrustSvd.Train(ratings, trust, options, cancellationToken).Members[0].UserVector;
        var shrunk = TrustSvd.Train(ratings, trust, options with { UserVectorShrinkage = c }, cancellationToken).Members[0].UserVector;

        int[] counts = [2, 2, 1];
        for (var i = 0; i < plain.Length; i++)
        {
            var n = counts[i / 4];
            Assert.Equal(plain[i] * (n / (n + c)), shrunk[i], 15);
        }
    }
}
