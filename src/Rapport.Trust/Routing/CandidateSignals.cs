using Rapport.Trust.Graph;

namespace Rapport.Trust.Routing;

/// <summary>
/// One candidate's raw evidence before it is weighed: BM25 and topic scores with their matching parts, the asker's
/// personalized-PageRank mass on them, and their recent activity and answer rate.
/// </summary>
public sealed record CandidateSignals
{
    /// <summary>Node index.</summary>
    public required int Person { get; init; }

    /// <summary>BM25 of the problem's text against the person's document.</summary>
    public required double Text { get; init; }

    /// <summary>Matching terms, best first, with their BM25 shares.</summary>
    public required IReadOnlyList<TermShare> Terms { get; init; }

    /// <summary>Topic-profile match.</summary>
    public required double Topic { get; init; }

    /// <summary>Matching topics, best first, with the work done on each.</summary>
    public required IReadOnlyList<TermShare> Topics { get; init; }

    /// <summary>The asker's personalized PageRank mass on this person (0 when no trust path reaches them).</summary>
    public required double TrustMass { get; init; }

    /// <summary>Activity before the request, decayed by the half-life.</summary>
    public required double RecentActivity { get; init; }

    /// <summary>Latest activity before the request.</summary>
    public required DateTimeOffset? LastActive { get; init; }

    /// <summary>Smoothed share of invitations answered.</summary>
    public required double AnswerRate { get; init; }

    /// <summary>Invitations on record.</summary>
    public required int Invitations { get; init; }
}

/// <summary>A matching term or topic and its share of the score (for a topic: the work done on it).</summary>
public readonly record struct TermShare(string Term, double Score);

/// <summary>All candidates' evidence for one request, plus what the diversity re-rank needs to see neighbourhoods.</summary>
public sealed record RoutingSignals(RoutingRequest Request, TrustSnapshot Trust, IReadOnlyList<CandidateSignals> Candidates)
{
    /// <summary>True when the asker's trust reaches at least one candidate; otherwise closeness is neutral for all.</summary>
    public bool AskerReachesAnyone => Candidates.Any(c => c.TrustMass > 0);
}
