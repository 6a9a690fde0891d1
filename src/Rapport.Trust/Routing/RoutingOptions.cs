using Rapport.Trust.Scoring;

namespace Rapport.Trust.Routing;

/// <summary>
/// How the router weighs expertise, trust closeness and availability, and how it diversifies. Every default is documented
/// in docs/routing.md with how it was chosen (a validation split inside the training period of the Stack Exchange eval,
/// never its test part). The score of a candidate is
/// <c>(ExpertiseFloor + E)^ExpertiseWeight · (ClosenessFloor + C)^ClosenessWeight · (AvailabilityFloor + A)^AvailabilityWeight</c>
/// with E, C, A in [0, 1] (see <see cref="Router"/>).
/// </summary>
public sealed record RoutingOptions
{
    /// <summary>The documented defaults.</summary>
    public static RoutingOptions Default { get; } = new();

    /// <summary>BM25 term-frequency saturation k1.</summary>
    public double K1 { get; init; } = 1.2;

    /// <summary>BM25 length normalisation b in [0, 1].</summary>
    public double B { get; init; } = 0.5;

    /// <summary>Share of text relevance in expertise E (the rest is the topic profile); in [0, 1].</summary>
    public double TextShare { get; init; } = 0;

    /// <summary>Work on a topic at which the topic match is half its maximum (n / (n + this)).</summary>
    public double TopicSaturation { get; init; } = 4;

    /// <summary>Exponent of expertise in the product; 0 leaves it out.</summary>
    public double ExpertiseWeight { get; init; } = 1;

    /// <summary>Added to E before the exponent, so a person with no matching words is unlikely, not impossible.</summary>
    public double ExpertiseFloor { get; init; } = 0.2;

    /// <summary>Exponent of trust closeness in the product; 0 leaves it out.</summary>
    public double ClosenessWeight { get; init; } = 0.5;

    /// <summary>Added to C before the exponent: how much a stranger (no trust path from the asker) keeps.</summary>
    public double ClosenessFloor { get; init; } = 0.25;

    /// <summary>C for every candidate when the asker's trust reaches none of them (a newcomer): closeness then ranks no one.</summary>
    public double NeutralCloseness { get; init; } = 1;

    /// <summary>Exponent of availability in the product; 0 leaves it out.</summary>
    public double AvailabilityWeight { get; init; } = 1;

    /// <summary>Added to A before the exponent.</summary>
    public double AvailabilityFloor { get; init; } = 0.05;

    /// <summary>Activity loses half its weight every this long.</summary>
    public TimeSpan ActivityHalfLife { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Decayed activity at which the activity part of A is one half (a / (a + this)).</summary>
    public double ActivitySaturation { get; init; } = 8;

    /// <summary>Prior answer rate of someone never invited (Beta prior mean).</summary>
    public double PriorAnswerRate { get; init; } = 0.5;

    /// <summary>How many invitations the prior is worth.</summary>
    public double PriorInvitations { get; init; } = 2;

    /// <summary>
    /// Diversity penalty λ in [0, 1]: while filling the first <see cref="DiversityDepth"/> places greedily, a candidate's
    /// score is multiplied by 1 − λ · (largest Jaccard overlap of their trust neighbourhood with anyone already chosen).
    /// </summary>
    public double DiversityPenalty { get; init; } = 0.3;

    /// <summary>How many places the diversity re-rank fills; beyond them the order is by score.</summary>
    public int DiversityDepth { get; init; } = 10;

    /// <summary>The trust query behind closeness (personalized PageRank by default) and the "why" paths.</summary>
    public TrustQueryOptions Trust { get; init; } = TrustQueryOptions.Default;

    /// <summary>Longest trust path shown in a candidate's "why".</summary>
    public int MaxPathHops { get; init; } = 3;

    /// <summary>Matching terms shown in a candidate's "why".</summary>
    public int ShownTerms { get; init; } = 5;
}
