using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

public sealed class RoutingPrivacyTests
{
    private static RoutingFixture World()
    {
        var world = new RoutingFixture(6).Trusts(0, 1).Trusts(1, 2).Trusts(2, 4).Trusts(3, 4);
        for (var person = 1; person < 6; person++)
        {
            world.Knows(person, person % 2 == 0 ? "lattice surgery" : "lattice").Active(person, person);
        }

        return world;
    }

    [Fact]
    public void SomeoneElsesPrivateStatements_ChangeNothingTheAskerSees()
    {
        var request = RoutingFixture.Ask(0, "lattice surgery");
        var before = Router.Route(World().Sources, request, RoutingOptions.Default, 5);

        var after = Router.Route(World().TrustsPrivately(1, 5).TrustsPrivately(2, 3).TrustsPrivately(4, 1, 0.3f).Sources, request, RoutingOptions.Default, 5);

        Assert.Equal(Describe(before), Describe(after));
    }

    [Fact]
    public void TheAskersOwnPrivateStatement_BringsThatPersonCloser()
    {
        var request = RoutingFixture.Ask(0, "lattice surgery");
        var before = Router.Route(World().Sources, request, RoutingOptions.Default, 5).Single(c => c.Person == 5);

        var after = Router.Route(World().TrustsPrivately(0, 5).Sources, request, RoutingOptions.Default, 5).Single(c => c.Person == 5);

        Assert.Equal(0, before.Closeness);
        Assert.True(after.Closeness > 0);
        Assert.Equal([(0, 5)], after.Path!.Hops.Select(h => (h.From, h.To)));
    }

    private static string[] Describe(IEnumerable<RoutedCandidate> routed) =>
        [.. routed.Select(c => $"{c.Person} {c.Score:R} {c.Closeness:R} {c.DiversityFactor:R} {string.Join(',', c.Path?.Hops.Select(h => h.To) ?? [])}")];
}
