using Rapport.Trust.Scoring;

namespace Rapport.Trust.Routing;

/// <summary>
/// The router's model and its few parameters. A candidate u for a problem with topics T is scored in log space
/// (candidate prior × profile likelihood, Balog, Azzopardi and de Rijke, SIGIR 2006):
/// <c>PriorWeight · ln(r_u + PriorPseudoCount) + ProfileWeight · mean_{t∈T} ln P_μ(t|u) + TextWeight · ln(TextFloor + BM25/max)
/// + ClosenessWeight · ln(ClosenessFloor + C) + ResponsivenessWeight · ln(answer rate)</c>, with r_u the person's
/// activity decayed by <see cref="PriorHalfLife"/> and P_μ(t|u) = (n_{u,t} + μ·P(t|C)) / (n_u + μ) (see <see cref="Router"/>).
/// The defaults and how they were chosen (rolling-origin validation inside the training period of the Stack Exchange eval,
/// never its test part) are in docs/routing.md.
/// </summary>
public sealed record RoutingOptions
{
    /// <summary>The documented defaults.</summary>
    public static RoutingOptions Default { get; } = new();

    /// <summary>BM25 term-frequency saturation k1 (the optional text term and the text-only baseline).</summary>
    public double K1 { get; init; } = 1.2;

    /// <summary>BM25 length normalisation b in [0, 1].</summary>
    public double B { get; init; } = 0.75;

    /// <summary>Weight of the prior ln(r + <see cref="PriorPseudoCount"/>); 0 makes the prior uniform.</summary>
    public double PriorWeight { get; init; } = 1;

    /// <summary>Activity (answers, replies, contributions) loses half its weight in the prior every this long; <see cref="TimeSpan.MaxValue"/>: no decay.</summary>
    public TimeSpan PriorHalfLife { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Pseudo-activity every candidate has in the prior (Laplace smoothing), so the inactive are unlikely, not impossible.</summary>
    public double PriorPseudoCount { get; init; } = 1;

    /// <summary>Weight of the mean topic log-likelihood; 0 leaves the profile out (the prior alone: most-active).</summary>
    public double ProfileWeight { get; init; } = 1;

    /// <summary>Dirichlet smoothing μ of a person's topic profile toward the collection's topic distribution.</summary>
    public double TopicSmoothing { get; init; } = 100;

    /// <summary>Weight of the optional text term ln(TextFloor + BM25 / best BM25); 0 (default) does not read the text.</summary>
    public double TextWeight { get; init; }

    /// <summary>Added to the relative BM25 before the logarithm.</summary>
    public double TextFloor { get; init; } = 0.1;

    /// <summary>β: weight of ln(ClosenessFloor + C), C the asker's trust mass on the candidate relative to the closest; 0 leaves trust out.</summary>
    public double ClosenessWeight { get; init; }

    /// <summary>Added to C before the logarithm: how much a stranger (no trust path from the asker) keeps.</summary>
    public double ClosenessFloor { get; init; } = 0.25;

    /// <summary>C for every candidate when the asker's trust reaches none of them (a newcomer): closeness then ranks no one.</summary>
    public double NeutralCloseness { get; init; } = 1;

    /// <summary>Weight of ln(answer rate when invited); 0 leaves responsiveness out.</summary>
    public double ResponsivenessWeight { get; init; } = 1;

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

    /// <summary>
    /// A learned ranker (<see cref="RankerTraining"/>) that replaces the a-priori product as the log score; null (default)
    /// keeps the product. The options above still define its features (μ, the prior's half-life, the floors).
    /// </summary>
    public RoutingModel? Model { get; init; }

    /// <summary>Matching terms shown in a candidate's "why".</summary>
    public int ShownTerms { get; init; } = 5;
}
