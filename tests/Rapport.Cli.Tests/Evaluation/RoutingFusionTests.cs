using Rapport.Cli.Evaluation.Routing;

namespace Rapport.Cli.Tests.Evaluation;

public sealed class RoutingFusionTests
{
    [Fact]
    public void Fused_SumsReciprocalRanksWithTheConstant_AndBreaksTiesByTheFirstRanking()
    {
        // First: 1, 2, 3, 4; second: 4, 3, 2, 1. With k = 60 everyone gets 1/61 + 1/64 or 1/62 + 1/63: 1 and 4 tie above 2
        // and 3 (1/61 + 1/64 > 1/62 + 1/63), and each tie goes to the better place in the first ranking.
        var first = new RoutingMethod("first", _ => [1, 2, 3, 4]);
        var second = new RoutingMethod("second", _ => [4, 3, 2, 1]);

        var fused = RoutingMethod.Fused("fused", first, second).Rank(null!);

        Assert.Equal([1, 4, 2, 3], fused);
    }

    [Fact]
    public void Fused_WithASmallConstant_LetsAnAgreedSecondPlaceBeatAFirstPlaceOnlyOneRankingGives()
    {
        // k = 1: person 2 is second in both (1/3 + 1/3 = 0.67) against person 1, first in one and last in the other
        // (1/2 + 1/4 = 0.75), and person 3, first in the other and third here (1/4 + 1/2 = 0.75): 1 and 3 tie, 1 first.
        var first = new RoutingMethod("first", _ => [1, 2, 3]);
        var second = new RoutingMethod("second", _ => [3, 2, 1]);
        var onlyFirst = new RoutingMethod("only", _ => [5]);

        Assert.Equal([1, 3, 2], RoutingMethod.Fused("fused", first, second, k: 1).Rank(null!));
        Assert.Equal([1, 5, 2, 3], RoutingMethod.Fused("fused", first, onlyFirst, k: 1).Rank(null!));
    }
}
