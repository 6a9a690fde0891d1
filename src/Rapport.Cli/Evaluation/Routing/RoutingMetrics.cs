using Rapport.Trust.Routing;
using System.Text.Json.Serialization;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// One method's scores over a set of questions. Relevant = everyone (but the asker) who answered; a relevant person who
/// was not yet active, and so not ranked, counts as never found. <see cref="MrrAccepted"/> averages over the questions
/// with an accepted answer by someone other than the asker.
/// </summary>
internal sealed record RoutingMetrics(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("mrr")] double Mrr,
    [property: JsonPropertyName("p_at_1")] double PrecisionAt1,
    [property: JsonPropertyName("p_at_5")] double PrecisionAt5,
    [property: JsonPropertyName("ndcg_at_10")] double NdcgAt10,
    [property: JsonPropertyName("hit_at_10")] double HitAt10,
    [property: JsonPropertyName("mrr_accepted")] double? MrrAccepted)
{
    public static RoutingMetrics Measure(RoutingMethod method, IReadOnlyList<RoutingCase> cases)
    {
        double mrr = 0, p1 = 0, p5 = 0, ndcg = 0, hit = 0, accepted = 0;
        var acceptedCases = 0;
        foreach (var c in cases)
        {
            var ranking = method.Rank(c);
            mrr += RankerSelection.ReciprocalRank(ranking, c.Answerers.Contains);
            p1 += Precision(ranking, c.Answerers, 1);
            p5 += Precision(ranking, c.Answerers, 5);
            ndcg += Ndcg(ranking, c.Answerers, 10);
            hit += ranking.Take(10).Any(c.Answerers.Contains) ? 1 : 0;
            if (c.AcceptedAnswerer is { } person)
            {
                accepted += RankerSelection.ReciprocalRank(ranking, p => p == person);
                acceptedCases++;
            }
        }

        var n = Math.Max(1, cases.Count);
        return new RoutingMetrics(method.Name, Round(mrr / n), Round(p1 / n), Round(p5 / n), Round(ndcg / n), Round(hit / n),
            acceptedCases == 0 ? null : Round(accepted / acceptedCases));
    }

    internal static double Precision(IReadOnlyList<int> ranking, IReadOnlySet<int> relevant, int k) =>
        ranking.Take(k).Count(relevant.Contains) / (double)k;

    /// <summary>Binary gains, log2 discount; the ideal ranking puts min(|relevant|, k) relevant people first.</summary>
    internal static double Ndcg(IReadOnlyList<int> ranking, IReadOnlySet<int> relevant, int k)
    {
        double dcg = 0, ideal = 0;
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            dcg += relevant.Contains(ranking[i]) ? 1 / Math.Log2(i + 2) : 0;
        }

        for (var i = 0; i < Math.Min(k, relevant.Count); i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        return ideal > 0 ? dcg / ideal : 0;
    }

    private static double Round(double value) => Math.Round(value, 4);
}
