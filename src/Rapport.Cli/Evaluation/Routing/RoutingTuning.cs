using System.Text.Json.Serialization;
using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// Rolling-origin validation inside the training period: the validation windows (<see cref="ValidationWindows"/>: blocks
/// of training questions shaped like the test, in time order), every question ranked on what happened strictly before it and
/// labelled with answers posted before the test cut-off. Every combination of the few free parameters (edge direction ×
/// prior half-life × topic smoothing μ × closeness weight β) is scored on each block; the choice maximises the mean of
/// the blocks' MRR. Edges are both ways a priori: another direction replaces it only if its best combination beats the
/// best both-ways one by more than <see cref="StrongDisagreement"/> in mean MRR <b>and</b> on every block. The test part
/// is never read. Evidence is measured once per combination of the knobs that change it and cached.
/// </summary>
internal sealed class RoutingTuning
{
    public const double StrongDisagreement = 0.01;

    public static readonly TimeSpan[] HalfLives = [TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(30), TimeSpan.FromDays(90), TimeSpan.FromDays(365), TimeSpan.MaxValue];
    public static readonly double[] Smoothing = [1, 3, 10, 30, 100, 300];
    public static readonly double[] ClosenessWeights = [0, 0.25, 0.5, 1];

    private static readonly EdgeDirection[] Directions = [EdgeDirection.Both, EdgeDirection.HelperToHelped, EdgeDirection.HelpedToHelper];

    private readonly StackExchangeSite site;
    private readonly IReadOnlyList<IReadOnlyList<SiteQuestion>> blocks;
    private readonly DateTimeOffset labelsBefore;
    private readonly CancellationToken cancellationToken;
    private readonly Dictionary<object, List<RoutingCase>[]> cases = [];

    /// <param name="site">The site.</param>
    /// <param name="blocks">The validation blocks (windows) in time order.</param>
    /// <param name="labelsBefore">The test cut-off: only answers before it are labels.</param>
    /// <param name="cancellationToken">Stops the replays.</param>
    public RoutingTuning(StackExchangeSite site, IReadOnlyList<IReadOnlyList<SiteQuestion>> blocks, DateTimeOffset labelsBefore, CancellationToken cancellationToken)
    {
        this.site = site;
        this.blocks = blocks;
        this.labelsBefore = labelsBefore;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The validation blocks' questions, in time order (the learned ranker rolls its origin over the same blocks).</summary>
    public IReadOnlyList<IReadOnlyList<SiteQuestion>> BlockQuestions => blocks;

    /// <summary>Every combination tried, in order, with each block's MRR, their mean, and whether it was chosen.</summary>
    public List<GridPoint> Grid { get; } = [];

    /// <summary>The blocks' spans and sizes (answered questions).</summary>
    public IReadOnlyList<ValidationBlock> BlockSpans => [.. blocks.Select((b, i) => (Block: b, Index: i)).Where(x => x.Block.Count > 0)
        .Select(x => new ValidationBlock(x.Block[0].Created, x.Block[^1].Created, Cases(RoutingParameters.Default)[x.Index].Count))];

    /// <summary>The validation cases of every block, pooled, for <paramref name="parameters"/>' evidence.</summary>
    public List<RoutingCase> AllCases(RoutingParameters parameters) => [.. Cases(parameters).SelectMany(c => c)];

    /// <summary>Scores the grid and returns the chosen parameters (the rest of <paramref name="start"/> unchanged).</summary>
    public RoutingParameters Run(RoutingParameters start)
    {
        var bestByDirection = new Dictionary<EdgeDirection, (RoutingParameters Parameters, double[] Blocks, double Mean, int Index)>();
        foreach (var direction in Directions)
        {
            foreach (var halfLife in HalfLives)
            {
                foreach (var mu in Smoothing)
                {
                    foreach (var beta in ClosenessWeights)
                    {
                        var candidate = start with
                        {
                            Direction = direction,
                            Options = start.Options with { PriorHalfLife = halfLife, TopicSmoothing = mu, ClosenessWeight = beta },
                        };
                        var mrr = BlockMrr(candidate);
                        var mean = mrr.Average();
                        Grid.Add(new GridPoint(RoutingParameters.Edges(direction), RoutingParameters.HalfLifeDays(halfLife), mu, beta, [.. mrr.Select(Round)], Round(mean), false));
                        if (!bestByDirection.TryGetValue(direction, out var best) || mean > best.Mean)
                        {
                            bestByDirection[direction] = (candidate, mrr, mean, Grid.Count - 1);
                        }
                    }
                }
            }
        }

        var chosen = bestByDirection[EdgeDirection.Both];
        foreach (var other in Directions.Skip(1).Select(d => bestByDirection[d]))
        {
            if (other.Mean > chosen.Mean + StrongDisagreement && other.Blocks.Zip(chosen.Blocks).All(p => p.First > p.Second))
            {
                chosen = other;
            }
        }

        Grid[chosen.Index] = Grid[chosen.Index] with { Chosen = true };
        return chosen.Parameters;
    }

    /// <summary>Each block's MRR of the Rapport method with <paramref name="parameters"/>.</summary>
    public double[] BlockMrr(RoutingParameters parameters) =>
        [.. Cases(parameters).Select(block => RoutingMetrics.Measure(RoutingMethod.Rapport(parameters.Options), block).Mrr)];

    private List<RoutingCase>[] Cases(RoutingParameters parameters)
    {
        if (!cases.TryGetValue(parameters.MeasureKey, out var measured))
        {
            var all = RoutingCase.Collect(site, [.. blocks.SelectMany(b => b)], labelsBefore, parameters, cancellationToken);
            measured = [.. blocks.Select(b => b.Select(q => q.Id).ToHashSet()).Select(ids => all.Where(c => ids.Contains(c.Question.Id)).ToList())];
            cases[parameters.MeasureKey] = measured;
        }

        return measured;
    }

    private static double Round(double value) => Math.Round(value, 4);
}

/// <summary>One combination of the tuned parameters, each validation block's MRR, their mean, and whether it was chosen.</summary>
internal sealed record GridPoint(
    [property: JsonPropertyName("edges")] string Edges,
    [property: JsonPropertyName("prior_half_life_days")] double? PriorHalfLifeDays,
    [property: JsonPropertyName("topic_smoothing")] double TopicSmoothing,
    [property: JsonPropertyName("closeness_weight")] double ClosenessWeight,
    [property: JsonPropertyName("block_mrr")] IReadOnlyList<double> BlockMrr,
    [property: JsonPropertyName("mean_mrr")] double MeanMrr,
    [property: JsonPropertyName("chosen")] bool Chosen);

/// <summary>One validation block: its first and last question's date and how many of its questions were answered by someone else.</summary>
internal sealed record ValidationBlock(
    [property: JsonPropertyName("from")] DateTimeOffset From,
    [property: JsonPropertyName("to")] DateTimeOffset To,
    [property: JsonPropertyName("questions")] int Questions);
