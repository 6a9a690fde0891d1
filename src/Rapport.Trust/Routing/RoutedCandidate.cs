using Rapport.Trust.Scoring;

namespace Rapport.Trust.Routing;

/// <summary>
/// One ranked candidate and "why you": <see cref="Expertise"/>, <see cref="Closeness"/> and <see cref="Availability"/> in
/// [0, 1] summarise the profile, trust and prior/responsiveness terms of <see cref="Score"/>; the evidence behind each
/// (matching topics with the work on each, trust mass, last activity, answer rate) is in <see cref="Signals"/>.
/// </summary>
public sealed record RoutedCandidate
{
    /// <summary>Node index.</summary>
    public required int Person { get; init; }

    /// <summary>exp(log score − best log score) (the best candidate before diversity has 1), after any diversity penalty.</summary>
    public required double Score { get; init; }

    /// <summary>E: the topic likelihood exp(mean ln P(t|u)) relative to the best candidate for this problem (0 when the problem has no known topic).</summary>
    public required double Expertise { get; init; }

    /// <summary>C: trust mass relative to the closest candidate, or the neutral value when the asker reaches no one.</summary>
    public required double Closeness { get; init; }

    /// <summary>True when <see cref="Closeness"/> is the neutral value (the asker has no trust path to any candidate).</summary>
    public required bool ClosenessIsNeutral { get; init; }

    /// <summary>A: decayed activity relative to the most active candidate, times the smoothed answer rate.</summary>
    public required double Availability { get; init; }

    /// <summary>The factor 1 − λ·overlap the diversity re-rank applied (1 when none).</summary>
    public required double DiversityFactor { get; init; }

    /// <summary>The raw evidence: matching terms and topics, trust mass, last activity, answer rate.</summary>
    public required CandidateSignals Signals { get; init; }

    /// <summary>The strongest trust path from the asker (filled by <see cref="Router.Route"/> only); null when none.</summary>
    public TrustPath? Path { get; init; }
}
