using System.Buffers;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Routing;

/// <summary>
/// Who to ask about a problem, from the asker's perspective: the expert-finding model "candidate prior × profile
/// likelihood" (Balog, Azzopardi and de Rijke, SIGIR 2006), with trust closeness and responsiveness as further factors.
/// For each allowed candidate u (anyone in the expertise index or the responsiveness log, minus the asker, blocked pairs
/// and the unavailable), in log space:
/// <list type="bullet">
/// <item>prior: PriorWeight · ln(r_u + PriorPseudoCount), r_u = activity before the problem decayed by PriorHalfLife
/// (someone who answers everything is a likely answerer of anything);</item>
/// <item>profile: ProfileWeight · mean over the problem's topics t of ln P(t|u), P(t|u) = (n_{u,t} + μ·P(t|C)) / (n_u + μ),
/// Dirichlet smoothing toward the collection (a person with no profile gets P(t|C): the profile then ranks no one);</item>
/// <item>text (optional): TextWeight · ln(TextFloor + BM25 / best BM25);</item>
/// <item>trust: ClosenessWeight · ln(ClosenessFloor + C), C = PPR mass / max PPR mass from the asker, or
/// <see cref="RoutingOptions.NeutralCloseness"/> for everyone when the asker's trust reaches no candidate;</item>
/// <item>responsiveness: ResponsivenessWeight · ln(answer rate when invited, Beta-smoothed).</item>
/// </list>
/// With <see cref="RoutingOptions.Model"/> set, a learned ranker's Σ w_i x_i over <see cref="RoutingFeatures"/> replaces
/// that sum (see <see cref="RankerTraining"/>); everything else (the "why", exclusions, diversity) is the same.
/// <see cref="RoutedCandidate.Score"/> is exp(sum − best sum), so the best candidate scores 1. Then the first
/// <see cref="RoutingOptions.DiversityDepth"/> places are filled greedily with a penalty for trust neighbourhoods
/// overlapping those already chosen (<see cref="DiversityReRank"/>). Ties go to the lower node index, so the same inputs
/// give the same list. The maths, references and the choice of the defaults are in docs/routing.md.
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
        var topics = ExpertiseIndex.Normalize(request.Topics);
        var work = sources.Expertise.MatchTopics(topics);
        var trust = TrustMass(sources.Trust, request, TopicIndex.General, options.Trust);
        var trustTopics = TrustTopics(sources, topics);
        var topicTrust = trustTopics.Select(t => TrustMass(sources.Trust, request, t.Index, options.Trust)).ToList();
        var helpedByAsker = sources.Responsiveness.Helped(request.Asker, request.At);
        var candidates = new List<CandidateSignals>();
        foreach (var person in sources.Expertise.People.Union(sources.Responsiveness.People).Where(request.Allows).Order())
        {
            var (recent, last) = sources.Responsiveness.Activity(person, request.At, options.PriorHalfLife);
            var (rate, invited) = sources.Responsiveness.AnswerRate(person, options.PriorAnswerRate, options.PriorInvitations);
            var contributed = sources.Responsiveness.Contributions(person, request.At, RoutingFeatures.ContributionHalfLives, request.Asker, topics);
            candidates.Add(new CandidateSignals
            {
                Person = person,
                Text = text.GetValueOrDefault(person)?.Score ?? 0,
                Terms = Shares(text.GetValueOrDefault(person), options.ShownTerms),
                ProfileSize = sources.Expertise.ProfileSize(person),
                Topics = Shares(work.GetValueOrDefault(person), int.MaxValue),
                TrustMass = trust.GetValueOrDefault(person),
                TopicTrustMass = topicTrust.Count == 0 ? [] : [.. topicTrust.Select(m => m.GetValueOrDefault(person))],
                RecentActivity = recent,
                LastActive = last,
                AnswerRate = rate,
                Invitations = invited,
                Contributions = contributed.Count,
                RecentContributions = contributed.Decayed,
                LastContribution = contributed.Last,
                ContributionsToAsker = contributed.ToAsker,
                ContributionsFromAsker = helpedByAsker.GetValueOrDefault(person),
                RecentTopicContributions = contributed.Topical,
                Credit = contributed.Credit,
                Thanks = contributed.Thanks,
            });
        }

        return new RoutingSignals(request, sources.Trust, candidates, sources.Expertise.Background(topics)) { TrustTopics = [.. trustTopics.Select(t => t.Topic)] };
    }

    /// <summary>Weighs measured evidence into a ranked list of every candidate (the part tuning repeats).</summary>
    public static IReadOnlyList<RoutedCandidate> Rank(RoutingSignals signals, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TopicSmoothing);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PriorPseudoCount);
        var candidates = signals.Candidates;
        var background = signals.TopicBackground;
        var maxText = candidates.Select(c => c.Text).DefaultIfEmpty().Max();
        var maxTrust = candidates.Select(c => c.TrustMass).DefaultIfEmpty().Max();
        var maxActivity = candidates.Select(c => c.RecentActivity).DefaultIfEmpty().Max();
        var profiles = candidates.Select(c => ProfileLogLikelihood(c, background, options.TopicSmoothing)).ToList();
        var bestProfile = profiles.DefaultIfEmpty().Max();
        var logScores = new double[candidates.Count];
        var scales = options.Model is null ? null : FeatureScales.Of(signals);
        for (var i = 0; scales is not null && i < candidates.Count; i++)
        {
            logScores[i] = options.Model!.Score(RoutingFeatures.Of(candidates[i], signals, profiles[i], scales, options));
        }

        for (var i = 0; options.Model is null && i < candidates.Count; i++)
        {
            var c = candidates[i];
            var closeness = maxTrust > 0 ? c.TrustMass / maxTrust : options.NeutralCloseness;
            logScores[i] = (options.PriorWeight * Math.Log(c.RecentActivity + options.PriorPseudoCount)) +
                (options.ProfileWeight * profiles[i]) +
                (options.TextWeight > 0 ? options.TextWeight * Math.Log(options.TextFloor + Relative(c.Text, maxText)) : 0) +
                (options.ClosenessWeight > 0 ? options.ClosenessWeight * Math.Log(options.ClosenessFloor + closeness) : 0) +
                (options.ResponsivenessWeight > 0 ? options.ResponsivenessWeight * Math.Log(c.AnswerRate) : 0);
        }

        var best = logScores.DefaultIfEmpty().Max();
        var scored = new List<RoutedCandidate>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            scored.Add(new RoutedCandidate
            {
                Person = c.Person,
                Score = Math.Exp(logScores[i] - best),
                Expertise = background.Count > 0 ? Math.Exp(profiles[i] - bestProfile) : 0,
                Closeness = maxTrust > 0 ? c.TrustMass / maxTrust : options.NeutralCloseness,
                ClosenessIsNeutral = maxTrust <= 0,
                Availability = Relative(c.RecentActivity, maxActivity) * c.AnswerRate,
                DiversityFactor = 1,
                Signals = c,
            });
        }

        scored.Sort(ByScore);
        return DiversityReRank.Apply(scored, signals, options);
    }

    /// <summary>
    /// mean over the problem's known topics t of ln((n_{u,t} + μ·P(t|C)) / (n_u + μ)); 0 when the problem has no topic
    /// anyone worked on (then the profile ranks no one).
    /// </summary>
    internal static double ProfileLogLikelihood(CandidateSignals candidate, IReadOnlyList<TermShare> background, double mu)
    {
        if (background.Count == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var (topic, share) in background)
        {
            var work = 0.0;
            foreach (var part in candidate.Topics)
            {
                if (string.Equals(part.Term, topic, StringComparison.Ordinal))
                {
                    work = part.Score;
                    break;
                }
            }

            sum += Math.Log((work + (mu * share)) / (candidate.ProfileSize + mu));
        }

        return sum / background.Count;
    }

    /// <summary>Best first; ties to the lower node index.</summary>
    internal static int ByScore(RoutedCandidate x, RoutedCandidate y)
    {
        var byScore = y.Score.CompareTo(x.Score);
        return byScore != 0 ? byScore : x.Person.CompareTo(y.Person);
    }

    private static double Relative(double value, double max) => max > 0 ? value / max : 0;

    private static TermShare[] Shares(Match? match, int count) =>
        match is null ? [] : [.. match.Parts.OrderByDescending(p => p.Score).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).Select(p => new TermShare(p.Key, p.Score))];

    /// <summary>The problem's topics (normalized, distinct) the snapshot has an index for, with that index; none without a topic map.</summary>
    private static List<(string Topic, int Index)> TrustTopics(RoutingSources sources, IReadOnlyList<string> topics)
    {
        if (sources.TopicIndexOf is not { } indexOf)
        {
            return [];
        }

        return [.. topics.Select(t => (Topic: t, Index: indexOf(t))).Where(t => t.Index != TopicIndex.General)];
    }

    private static Dictionary<int, double> TrustMass(TrustSnapshot snapshot, RoutingRequest request, int topic, TrustQueryOptions options)
    {
        var mass = new Dictionary<int, double>();
        if ((uint)request.Asker >= (uint)snapshot.NodeCount)
        {
            return mass;
        }

        var into = ArrayPool<ScoredNode>.Shared.Rent(snapshot.NodeCount);
        try
        {
            var count = TrustQueries.Top(snapshot, request.Perspective, topic, options, into.AsSpan(0, snapshot.NodeCount));
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
