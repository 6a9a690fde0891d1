using Rapport.Trust.Routing;
using System.Text.Json.Serialization;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// The Rapport method against the strongest baseline (highest MRR on the same questions), question by question: the
/// MRR difference with a 95% paired bootstrap interval (resampling questions, <see cref="Resamples"/> draws from a
/// fixed seed, so the same run gives the same interval), and on how many questions each ranked a relevant person higher.
/// </summary>
internal sealed record RoutingComparison(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("against")] string Against,
    [property: JsonPropertyName("questions")] int Questions,
    [property: JsonPropertyName("mrr_difference")] double MrrDifference,
    [property: JsonPropertyName("ci95_low")] double Low,
    [property: JsonPropertyName("ci95_high")] double High,
    [property: JsonPropertyName("relative")] double Relative,
    [property: JsonPropertyName("wins")] int Wins,
    [property: JsonPropertyName("losses")] int Losses,
    [property: JsonPropertyName("ties")] int Ties)
{
    public const int Resamples = 2000;
    public const int Seed = 20261123;
    private const double Tail = 0.025;

    public static RoutingComparison Compare(RoutingMethod method, IReadOnlyList<RoutingMethod> baselines, IReadOnlyList<RoutingCase> cases)
    {
        var ours = ReciprocalRanks(method, cases);
        var against = baselines.Select(b => (Method: b, Ranks: ReciprocalRanks(b, cases))).MaxBy(b => b.Ranks.Average());
        var differences = ours.Zip(against.Ranks, (a, b) => a - b).ToArray();
        var random = new Random(Seed);
        var means = new double[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < differences.Length; i++)
            {
                sum += differences[random.Next(differences.Length)];
            }

            means[r] = sum / differences.Length;
        }

        Array.Sort(means);
        var baseline = against.Ranks.Average();
        return new RoutingComparison(method.Name, against.Method.Name, cases.Count, Round(differences.Average()),
            Round(means[(int)(Tail * Resamples)]), Round(means[(int)((1 - Tail) * Resamples) - 1]),
            Round(baseline > 0 ? differences.Average() / baseline : 0),
            differences.Count(d => d > 0), differences.Count(d => d < 0), differences.Count(d => d == 0));
    }

    private static double[] ReciprocalRanks(RoutingMethod method, IReadOnlyList<RoutingCase> cases) =>
        [.. cases.Select(c => RankerSelection.ReciprocalRank(method.Rank(c), c.Answerers.Contains))];

    private static double Round(double value) => Math.Round(value, 4);
}

/// <summary>The comparison on the test questions and on the validation blocks.</summary>
internal sealed record RoutingComparisons(
    [property: JsonPropertyName("test")] RoutingComparison? Test,
    [property: JsonPropertyName("validation")] RoutingComparison Validation);
