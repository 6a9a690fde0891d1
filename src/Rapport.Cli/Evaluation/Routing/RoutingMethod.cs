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

    /// <summary>The constant of reciprocal-rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009: k = 60, fixed a priori).</summary>
    public const int FusionConstant = 60;

    /// <summary>
    /// Reciprocal-rank fusion of two rankings of the same candidates: Σ 1 / (k + rank) over both, best first; ties go to
    /// the better place in <paramref name="first"/>. Someone ranked by only one of them gets only that term.
    /// </summary>
    public static RoutingMethod Fused(string name, RoutingMethod first, RoutingMethod second, int k = FusionConstant) =>
        new(name, c =>
        {
            var a = first.Rank(c);
            var b = second.Rank(c);
            var score = new Dictionary<int, double>();
            var order = new Dictionary<int, int>();
            for (var i = 0; i < a.Count; i++)
            {
                score[a[i]] = 1.0 / (k + i + 1);
                order[a[i]] = i;
            }

            for (var i = 0; i < b.Count; i++)
            {
                score[b[i]] = score.GetValueOrDefault(b[i]) + (1.0 / (k + i + 1));
                order.TryAdd(b[i], a.Count + i);
            }

            return [.. score.Keys.OrderByDescending(p => score[p]).ThenBy(p => order[p])];
        });

    private static RoutingMethod By(string name, Func<RoutingCase, int, double> score) =>
        new(name, c => [.. Enumerable.Range(0, c.Signals.Candidates.Count)
            .OrderByDescending(i => score(c, i)).ThenByDescending(i => c.AnswersSoFar[i]).ThenBy(i => c.Signals.Candidates[i].Person)
            .Select(i => c.Signals.Candidates[i].Person)]);
}
