using System.Buffers;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Routing;

/// <summary>
/// Who to ask about a problem, from the asker's perspective. For each allowed candidate (anyone in the expertise index
/// or the responsiveness log, minus the asker, blocked pairs and the unavailable):
/// <list type="bullet">
/// <item>E = TextShare · BM25/max BM25 + (1 − TextShare) · topic/max topic (maxima over this problem's candidates);</item>
/// <item>C = PPR mass/max PPR mass from the asker, or <see cref="RoutingOptions.NeutralCloseness"/> for everyone when
/// the asker's trust reaches no candidate;</item>
/// <item>A = a/(a + ActivitySaturation) · answer rate, a = activity before the problem decayed by the half-life;</item>
/// <item>score = (ExpertiseFloor + E)^ExpertiseWeight · (ClosenessFloor + C)^ClosenessWeight · (AvailabilityFloor + A)^AvailabilityWeight;</item>
/// </list>
/// then the first <see cref="RoutingOptions.DiversityDepth"/> places are filled greedily with a penalty for trust
/// neighbourhoods overlapping those already chosen (<see cref="DiversityReRank"/>). Ties go to the lower node index, so the
/// same inputs give the same list. The maths and references are in docs/routing.md.
/// </summary>
public static class Router
{
    /// <summary>Ranks candidates and explains the first <paramref name="count"/> with their strongest trust path.</summary>
    public static IReadOnlyList<RoutedCandidate> Route(RoutingSources sources, RoutingRequest request, RoutingOptions options, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var signals = Measure(sources, request, options);
        var ranked = Rank(signals, options);
        return [.. ranked.Take(count).Select(c => c with { Path = StrongestPath(sources.Trust, request, options, c.Person) })];
    }

    /// <summary>Gathers every allowed candidate's evidence (the part of routing that reads the sources).</summary>
    public static RoutingSignals Measure(RoutingSources sources, RoutingRequest request, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var text = sources.Expertise.ScoreText(TextTerms.Of(request.Text), options.K1, options.B);
        var topics = sources.Expertise.ScoreTopics(request.Topics, options.TopicSaturation);
        var trust = TrustMass(sources.Trust, request, options.Trust);
        var candidates = new List<CandidateSignals>();
        foreach (var person in sources.Expertise.People.Union(sources.Responsiveness.People).Where(request.Allows).Order())
        {
            var (recent, last) = sources.Responsiveness.Activity(person, request.At, options.ActivityHalfLife);
            var (rate, invited) = sources.Responsiveness.AnswerRate(person, options.PriorAnswerRate, options.PriorInvitations);
            var textMatch = text.GetValueOrDefault(person);
            var topicMatch = topics.GetValueOrDefault(person);
            candidates.Add(new CandidateSignals
            {
                Person = person,
                Text = textMatch?.Score ?? 0,
                Terms = Shares(textMatch, options.ShownTerms, share => share),
                Topic = topicMatch?.Score ?? 0,
                Topics = Shares(topicMatch, int.MaxValue, share => share with { Score = sources.Expertise.WorkOn(person, share.Term) }),
                TrustMass = trust.GetValueOrDefault(person),
                RecentActivity = recent,
                LastActive = last,
                AnswerRate = rate,
                Invitations = invited,
            });
        }

        return new RoutingSignals(request, sources.Trust, candidates);
    }

    /// <summary>Weighs measured evidence into a ranked list of every candidate (the part tuning repeats).</summary>
    public static IReadOnlyList<RoutedCandidate> Rank(RoutingSignals signals, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(options);
        var candidates = signals.Candidates;
        var maxText = candidates.Select(c => c.Text).DefaultIfEmpty().Max();
        var maxTopic = candidates.Select(c => c.Topic).DefaultIfEmpty().Max();
        var maxTrust = candidates.Select(c => c.TrustMass).DefaultIfEmpty().Max();
        var scored = new List<RoutedCandidate>(candidates.Count);
        foreach (var c in candidates)
        {
            var expertise = (options.TextShare * Relative(c.Text, maxText)) + ((1 - options.TextShare) * Relative(c.Topic, maxTopic));
            var closeness = maxTrust > 0 ? c.TrustMass / maxTrust : options.NeutralCloseness;
            var availability = c.RecentActivity / (c.RecentActivity + options.ActivitySaturation) * c.AnswerRate;
            var score = Math.Pow(options.ExpertiseFloor + expertise, options.ExpertiseWeight) *
                Math.Pow(options.ClosenessFloor + closeness, options.ClosenessWeight) *
                Math.Pow(options.AvailabilityFloor + availability, options.AvailabilityWeight);
            scored.Add(new RoutedCandidate
            {
                Person = c.Person,
                Score = score,
                Expertise = expertise,
                Closeness = closeness,
                ClosenessIsNeutral = maxTrust <= 0,
                Availability = availability,
                DiversityFactor = 1,
                Signals = c,
            });
        }

        scored.Sort(ByScore);
        return DiversityReRank.Apply(scored, signals, options);
    }

    /// <summary>Best first; ties to the lower node index.</summary>
    internal static int ByScore(RoutedCandidate x, RoutedCandidate y)
    {
        var byScore = y.Score.CompareTo(x.Score);
        return byScore != 0 ? byScore : x.Person.CompareTo(y.Person);
    }

    private static double Relative(double value, double max) => max > 0 ? value / max : 0;

    private static TermShare[] Shares(Match? match, int count, Func<TermShare, TermShare> shown) =>
        match is null ? [] : [.. match.Parts.OrderByDescending(p => p.Score).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).Select(p => shown(new TermShare(p.Key, p.Score)))];

    private static Dictionary<int, double> TrustMass(TrustSnapshot snapshot, RoutingRequest request, TrustQueryOptions options)
    {
        var mass = new Dictionary<int, double>();
        if ((uint)request.Asker >= (uint)snapshot.NodeCount)
        {
            return mass;
        }

        var into = ArrayPool<ScoredNode>.Shared.Rent(snapshot.NodeCount);
        try
        {
            var count = TrustQueries.Top(snapshot, request.Perspective, TopicIndex.General, options, into.AsSpan(0, snapshot.NodeCount));
            foreach (var scored in into.AsSpan(0, count))
            {
                mass[scored.Node] = scored.Score;
            }
        }
        finally
        {
            ArrayPool<ScoredNode>.Shared.Return(into);
        }

        return mass;
    }

    private static TrustPath? StrongestPath(TrustSnapshot snapshot, RoutingRequest request, RoutingOptions options, int person) =>
        (uint)request.Asker < (uint)snapshot.NodeCount && (uint)person < (uint)snapshot.NodeCount
            ? TrustQueries.Why(snapshot, request.Perspective, TopicIndex.General, person, options.Trust, maxPaths: 1, maxHops: options.MaxPathHops).FirstOrDefault()
            : null;
}
