using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// A way to rank a case's candidates, best first. The baselines rank by one number and break ties by answers so far,
/// then node index, so a baseline is never worse for want of a tie-break.
/// </summary>
internal sealed record RoutingMethod(string Name, Func<RoutingCase, IReadOnlyList<int>> Rank)
{
    public static RoutingMethod Rapport(RoutingOptions options, string name = "rapport") =>
        new(name, c => [.. Router.Rank(c.Signals, options).Select(r => r.Person)]);

    public static RoutingMethod MostActive { get; } = By("most-active", (c, i) => c.AnswersSoFar[i]);

    public static RoutingMethod TextBm25 { get; } = By("text-bm25", (c, i) => c.Signals.Candidates[i].Text);

    public static RoutingMethod TrustOnly { get; } = By("trust-only", (c, i) => c.Signals.Candidates[i].TrustMass);

    public static IReadOnlyList<RoutingMethod> Baselines { get; } = [MostActive, TextBm25, TrustOnly];

    private static RoutingMethod By(string name, Func<RoutingCase, int, double> score) =>
        new(name, c => [.. Enumerable.Range(0, c.Signals.Candidates.Count)
            .OrderByDescending(i => score(c, i)).ThenByDescending(i => c.AnswersSoFar[i]).ThenBy(i => c.Signals.Candidates[i].Person)
            .Select(i => c.Signals.Candidates[i].Person)]);
}
