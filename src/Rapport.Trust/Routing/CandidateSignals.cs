using Rapport.Trust.Graph;

namespace Rapport.Trust.Routing;

/// <summary>
/// One candidate's raw evidence before it is weighed: BM25 with its matching terms, the work done on each of the problem's
/// topics and on all topics, the asker's personalized-PageRank mass on them, and their decayed activity and answer rate.
/// </summary>
public sealed record CandidateSignals
{
    /// <summary>Node index.</summary>
    public required int Person { get; init; }

    /// <summary>BM25 of the problem's text against the person's document.</summary>
    public required double Text { get; init; }

    /// <summary>Matching terms, best first, with their BM25 shares.</summary>
    public required IReadOnlyList<TermShare> Terms { get; init; }

    /// <summary>Total work on all topics (n_u, the size of the topic profile).</summary>
    public required double ProfileSize { get; init; }

    /// <summary>The problem's topics this person worked on, most work first, with the work done on each (n_{u,t}).</summary>
    public required IReadOnlyList<TermShare> Topics { get; init; }

    /// <summary>The asker's personalized PageRank mass on this person (0 when no trust path reaches them).</summary>
    public required double TrustMass { get; init; }

    /// <summary>Activity before the request, decayed by <see cref="RoutingOptions.PriorHalfLife"/> (r_u in the prior).</summary>
    public required double RecentActivity { get; init; }

    /// <summary>
    /// The asker's personalized PageRank mass on this person on each of the problem's topics the trust snapshot names
    /// (<see cref="RoutingSignals.TrustTopics"/>, same order): topic statements at full weight, general ones at the
    /// fallback discount (docs/trust-engine.md, "Topics"). Empty when the problem has no such topic.
    /// </summary>
    public IReadOnlyList<double> TopicTrustMass { get; init; } = [];

    /// <summary>Latest activity before the request.</summary>
    public required DateTimeOffset? LastActive { get; init; }

    /// <summary>Smoothed share of invitations answered.</summary>
    public required double AnswerRate { get; init; }

    /// <summary>Invitations on record.</summary>
    public required int Invitations { get; init; }

    /// <summary>Contributions (answers, cited contributions) before the request.</summary>
    public double Contributions { get; init; }

    /// <summary>The contributions again, each decayed by one of <see cref="RoutingFeatures.ContributionHalfLives"/> (same order).</summary>
    public IReadOnlyList<double> RecentContributions { get; init; } = [];

    /// <summary>Latest contribution before the request.</summary>
    public DateTimeOffset? LastContribution { get; init; }

    /// <summary>Contributions to the asker's earlier problems.</summary>
    public double ContributionsToAsker { get; init; }

    /// <summary>The asker's contributions to this person's earlier problems (the asker helped them before).</summary>
    public double ContributionsFromAsker { get; init; }

    /// <summary>Contributions on any of the problem's topics, decayed as <see cref="RecentContributions"/>.</summary>
    public IReadOnlyList<double> RecentTopicContributions { get; init; } = [];

    /// <summary>Credit received before the request (contributions accepted or cited in a resolution).</summary>
    public double Credit { get; init; }

    /// <summary>Thanks received before the request (thank-yous, upvotes).</summary>
    public double Thanks { get; init; }
}

/// <summary>A matching term or topic and its share of the score (for a topic: the work done on it).</summary>
public readonly record struct TermShare(string Term, double Score);

/// <summary>
/// All candidates' evidence for one request, the collection's share P(t|C) of each of the problem's topics that anyone
/// worked on (<paramref name="TopicBackground"/>), and what the diversity re-rank needs to see neighbourhoods.
/// </summary>
public sealed record RoutingSignals(RoutingRequest Request, TrustSnapshot Trust, IReadOnlyList<CandidateSignals> Candidates, IReadOnlyList<TermShare> TopicBackground)
{
    /// <summary>True when the asker's trust reaches at least one candidate; otherwise closeness is neutral for all.</summary>
    public bool AskerReachesAnyone => Candidates.Any(c => c.TrustMass > 0);

    /// <summary>The problem's topics on which topic-scoped trust was measured (<see cref="CandidateSignals.TopicTrustMass"/>), in order.</summary>
    public IReadOnlyList<string> TrustTopics { get; init; } = [];
}
