using Rapport.Trust.Recommendation;

namespace Rapport.Trust.Tests.Recommendation;

public sealed class MoleTrustPredictorTests
{
    [Fact]
    public void Predict_AveragesTheRatingsOfPeopleWithinTheHorizon_WeightedByPropagatedTrust()
    {
        // 0 trusts 1, 1 trusts 2, 2 trusts 3: with binary trust MoleTrust gives 1 and 2 trust 1, and 3 is beyond horizon 2.
        var ratings = RatingsBuilder.Matrix(4, 2, (1, 0, 2), (2, 0, 4), (3, 0, 1), (3, 1, 5), (0, 1, 1));
        var trust = TrustNetwork.Build(4, [(0, 1), (1, 2), (2, 3)]);
        var model = new MoleTrustPredictor(ratings, trust);

        Assert.Equal(3.0, model.Predict(0, 0)!.Value, 12);
        Assert.Null(model.Predict(0, 1));
        Assert.Equal(1.0, model.Predict(2, 0)!.Value, 12);
    }

    [Fact]
    public void Predict_ForSomeoneWhoTrustsNobody_IsNull()
    {
        var ratings = RatingsBuilder.Matrix(2, 1, (1, 0, 2));

        Assert.Null(new MoleTrustPredictor(ratings, TrustNetwork.None(2)).Predict(0, 0));
    }
}
