using System.Text.Json.Serialization;
using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>Everything the eval's Rapport method depends on: how interactions become trust edges, and the router's options.</summary>
internal sealed record RoutingParameters(EdgeDirection Direction, double CommentEdgeWeight, RoutingOptions Options)
{
    /// <summary>
    /// A comment counts half an answer as an interaction (as its text counts half in a person's document); fixed before
    /// looking at any data, not tuned.
    /// </summary>
    public const double DefaultCommentEdgeWeight = 0.5;

    /// <summary>
    /// The defaults: the router's <see cref="RoutingOptions.Default"/> (μ, prior half-life and β chosen by
    /// <see cref="RoutingTuning"/>'s rolling-origin validation on quantumcomputing, docs/routing.md) and edges both ways.
    /// </summary>
    public static RoutingParameters Default { get; } = new(EdgeDirection.Both, DefaultCommentEdgeWeight, RoutingOptions.Default);

    /// <summary>
    /// Diagnostic only (an ablation added after the test figures were seen, docs/routing.md): the prior counts answers
    /// alone, as most-active does, instead of answers, comments (½) and questions (¼).
    /// </summary>
    public bool AnswersOnlyActivity { get; init; }

    /// <summary>The knobs as they appear in the report.</summary>
    public ParameterValues Values => new(
        Edges(Direction), CommentEdgeWeight, Options.K1, Options.B, HalfLifeDays(Options.PriorHalfLife), Options.PriorPseudoCount, Options.PriorWeight,
        Options.TopicSmoothing, Options.ProfileWeight, Options.TextWeight, Options.ClosenessWeight, Options.ClosenessFloor, Options.ResponsivenessWeight,
        Options.DiversityPenalty, Options.DiversityDepth, Math.Round(Options.Trust.Alpha, 6));

    /// <summary>Everything that changes the measured evidence (the rest only re-weighs it).</summary>
    public (EdgeDirection, double, double, double, TimeSpan, bool) MeasureKey => (Direction, CommentEdgeWeight, Options.K1, Options.B, Options.PriorHalfLife, AnswersOnlyActivity);

    public static string Edges(EdgeDirection direction) =>
        direction switch { EdgeDirection.HelperToHelped => "helper-to-helped", EdgeDirection.HelpedToHelper => "helped-to-helper", _ => "both" };

    /// <summary>The half-life in days; null for no decay.</summary>
    public static double? HalfLifeDays(TimeSpan halfLife) => halfLife == TimeSpan.MaxValue ? null : halfLife.TotalDays;
}

/// <summary>The parameters as printed in the report.</summary>
internal sealed record ParameterValues(
    [property: JsonPropertyName("edges")] string Edges,
    [property: JsonPropertyName("comment_edge_weight")] double CommentEdgeWeight,
    [property: JsonPropertyName("k1")] double K1,
    [property: JsonPropertyName("b")] double B,
    [property: JsonPropertyName("prior_half_life_days")] double? PriorHalfLifeDays,
    [property: JsonPropertyName("prior_pseudo_count")] double PriorPseudoCount,
    [property: JsonPropertyName("prior_weight")] double PriorWeight,
    [property: JsonPropertyName("topic_smoothing")] double TopicSmoothing,
    [property: JsonPropertyName("profile_weight")] double ProfileWeight,
    [property: JsonPropertyName("text_weight")] double TextWeight,
    [property: JsonPropertyName("closeness_weight")] double ClosenessWeight,
    [property: JsonPropertyName("closeness_floor")] double ClosenessFloor,
    [property: JsonPropertyName("responsiveness_weight")] double ResponsivenessWeight,
    [property: JsonPropertyName("diversity_penalty")] double DiversityPenalty,
    [property: JsonPropertyName("diversity_depth")] int DiversityDepth,
    [property: JsonPropertyName("ppr_alpha")] double PprAlpha);
