using System.Text.Json.Serialization;
using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>Everything the eval's Rapport method depends on: how interactions become trust edges, and the router's options.</summary>
internal sealed record RoutingParameters(EdgeDirection Direction, double CommentEdgeWeight, RoutingOptions Options)
{
    /// <summary>
    /// The chosen values: the router's defaults and answerer → asker edges only, all picked by <see cref="RoutingTuning"/>
    /// from <see cref="RoutingTuning.Start"/> on quantumcomputing's validation questions (docs/routing.md).
    /// </summary>
    public static RoutingParameters Default { get; } = new(EdgeDirection.HelperToHelped, 0, RoutingOptions.Default);

    /// <summary>The knobs as they appear in the report.</summary>
    public ParameterValues Values => new(
        Direction switch { EdgeDirection.HelperToHelped => "helper-to-helped", EdgeDirection.HelpedToHelper => "helped-to-helper", _ => "both" },
        CommentEdgeWeight, Options.K1, Options.B, Options.TextShare, Options.TopicSaturation, Options.ExpertiseWeight, Options.ExpertiseFloor, Options.ClosenessWeight,
        Options.ClosenessFloor, Options.AvailabilityWeight, Options.AvailabilityFloor, Options.ActivityHalfLife.TotalDays, Options.ActivitySaturation,
        Options.DiversityPenalty, Options.DiversityDepth, Math.Round(Options.Trust.Alpha, 6));

    /// <summary>Everything that changes the measured evidence (the rest only re-weighs it).</summary>
    public (EdgeDirection, double, double, double, double, TimeSpan) MeasureKey => (Direction, CommentEdgeWeight, Options.K1, Options.B, Options.TopicSaturation, Options.ActivityHalfLife);
}

/// <summary>The parameters as printed in the report.</summary>
internal sealed record ParameterValues(
    [property: JsonPropertyName("edges")] string Edges,
    [property: JsonPropertyName("comment_edge_weight")] double CommentEdgeWeight,
    [property: JsonPropertyName("k1")] double K1,
    [property: JsonPropertyName("b")] double B,
    [property: JsonPropertyName("text_share")] double TextShare,
    [property: JsonPropertyName("topic_saturation")] double TopicSaturation,
    [property: JsonPropertyName("expertise_weight")] double ExpertiseWeight,
    [property: JsonPropertyName("expertise_floor")] double ExpertiseFloor,
    [property: JsonPropertyName("closeness_weight")] double ClosenessWeight,
    [property: JsonPropertyName("closeness_floor")] double ClosenessFloor,
    [property: JsonPropertyName("availability_weight")] double AvailabilityWeight,
    [property: JsonPropertyName("availability_floor")] double AvailabilityFloor,
    [property: JsonPropertyName("activity_half_life_days")] double ActivityHalfLifeDays,
    [property: JsonPropertyName("activity_saturation")] double ActivitySaturation,
    [property: JsonPropertyName("diversity_penalty")] double DiversityPenalty,
    [property: JsonPropertyName("diversity_depth")] int DiversityDepth,
    [property: JsonPropertyName("ppr_alpha")] double PprAlpha);
