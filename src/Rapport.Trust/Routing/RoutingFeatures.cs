namespace Rapport.Trust.Routing;

/// <summary>
/// The measured evidence as numbers a learned ranker weighs (<see cref="RoutingModel"/>): one row per candidate, the
/// columns named in <see cref="Names"/>. Counts enter as ln(1 + x) (diminishing returns, and a linear model over them is
/// a product of powers, like the a-priori model); the profile, text, closeness and answer-rate columns are exactly the
/// a-priori model's log terms, so that model is one point of the learned one's space (weights 1 on "activity" and
/// "profile", 0 elsewhere, with the default options).
/// </summary>
public static class RoutingFeatures
{
    /// <summary>Half-lives of the decayed contribution counts: a day (here now), a week, a month, a quarter, a year.</summary>
    public static IReadOnlyList<TimeSpan> ContributionHalfLives { get; } =
        [TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30), TimeSpan.FromDays(90), TimeSpan.FromDays(365)];

    /// <summary>Mean of the Beta prior of the credit rate (credit per contribution): an even chance, as for the answer rate.</summary>
    public const double PriorCreditRate = 0.5;

    /// <summary>Weight of that prior, in contributions: two, so one accepted answer out of one gives 2/3, not 1.</summary>
    public const double PriorCreditContributions = 2;

    /// <summary>Idle time is capped here (and someone never seen counts as idle this long): beyond a year, idle is idle.</summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromDays(365);

    /// <summary>Dirichlet μ of the second, sharper topic likelihood (the first uses <see cref="RoutingOptions.TopicSmoothing"/>).</summary>
    public const double SharpTopicSmoothing = 10;

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "contributions",            // ln(1 + contributions so far): most-active
        "contributions_1d",         // ln(1 + contributions decayed by a 1-day half-life)
        "contributions_7d",         // ... 7-day
        "contributions_30d",        // ... 30-day
        "activity",                 // ln(r_u + κ): the a-priori prior (all activity, decayed by PriorHalfLife)
        "profile",                  // mean ln P_μ(t|u): the a-priori topic likelihood
        "topic_work",               // ln(1 + Σ_t n_{u,t}) over the problem's topics
        "text",                     // ln(TextFloor + BM25 / best BM25)
        "closeness",                // ln(ClosenessFloor + C)
        "idle_hours",               // ln(1 + hours since the last activity, capped): online now?
        "idle_hours_contribution",  // ln(1 + hours since the last contribution, capped)
        "helped_asker",             // ln(1 + contributions to the asker's earlier problems)
        "answer_rate",              // ln(answer rate when invited)
        "topic_contributions_7d",   // ln(1 + contributions on the problem's topics, 7-day half-life)
        "topic_contributions_30d",  // ... 30-day
        "credit",                   // ln(1 + credit received: accepted, cited in a resolution)
        "thanks",                   // ln(1 + thanks received: thank-yous, upvotes)
        "profile_sharp",            // mean ln P_μ(t|u) with μ = SharpTopicSmoothing: specialists stand out more
        "contributions_90d",        // ln(1 + contributions decayed by a 90-day half-life)
        "contributions_365d",       // ... 365-day
        "topic_contributions_90d",  // ln(1 + contributions on the problem's topics, 90-day half-life)
        "topic_contributions_365d", // ... 365-day
        "credit_rate",              // ln((credit + m·p) / (contributions + m)): how often their work is accepted
        "helped_by_asker",          // ln(1 + the asker's contributions to this person's earlier problems)
        "topic_closeness",          // ln(ClosenessFloor + mean over the problem's topics t of C_t): topic-scoped trust (round 7)
        "topic_closeness_max",      // ln(ClosenessFloor + max over the problem's topics t of C_t)
    ];

    /// <summary>Number of columns.</summary>
    public static int Count => Names.Count;

    /// <summary>Every candidate's row for <paramref name="signals"/>, in candidate order.</summary>
    public static double[][] Of(RoutingSignals signals, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(options);
        var scales = FeatureScales.Of(signals);
        return [.. signals.Candidates.Select(c => Of(c, signals, Router.ProfileLogLikelihood(c, signals.TopicBackground, options.TopicSmoothing), scales, options))];
    }

    /// <summary>
    /// Round 7's topic-scoped closeness: the asker's closeness to <paramref name="c"/> on each of the problem's topics the trust snapshot names,
    /// C_t = PPR_t mass / the best candidate's PPR_t mass (<see cref="RoutingOptions.NeutralCloseness"/> for everyone when
    /// the asker reaches no candidate on t), as their mean and maximum. Without such a topic both are the general
    /// closeness C — which is what the engine answers on a topic nobody stated trust on (no row has a topic edge, so the
    /// fallback discount cancels).
    /// </summary>
    internal static (double Mean, double Max) TopicCloseness(CandidateSignals c, FeatureScales scales, RoutingOptions options)
    {
        var general = Closeness(c.TrustMass, scales.MaxTrust, options);
        if (scales.MaxTopicTrust.Count == 0)
        {
            return (general, general);
        }

        double sum = 0, max = 0;
        for (var t = 0; t < scales.MaxTopicTrust.Count; t++)
        {
            var closeness = Closeness(At(c.TopicTrustMass, t), scales.MaxTopicTrust[t], options);
            sum += closeness;
            max = Math.Max(max, closeness);
        }

        return (sum / scales.MaxTopicTrust.Count, max);
    }

    internal static double[] Of(CandidateSignals c, RoutingSignals signals, double profile, FeatureScales scales, RoutingOptions options)
    {
        var at = signals.Request.At;
        var recent = c.RecentContributions;
        var (maxText, maxTrust) = (scales.MaxText, scales.MaxTrust);
        var topicCloseness = TopicCloseness(c, scales, options);
        return
        [
            Math.Log(1 + c.Contributions),
            Math.Log(1 + At(recent, 0)),
            Math.Log(1 + At(recent, 1)),
            Math.Log(1 + At(recent, 2)),
            Math.Log(c.RecentActivity + options.PriorPseudoCount),
            profile,
            Math.Log(1 + c.Topics.Sum(t => t.Score)),
            Math.Log(options.TextFloor + (maxText > 0 ? c.Text / maxText : 0)),
            Math.Log(options.ClosenessFloor + (maxTrust > 0 ? c.TrustMass / maxTrust : options.NeutralCloseness)),
            Math.Log(1 + IdleHours(at, c.LastActive)),
            Math.Log(1 + IdleHours(at, c.LastContribution)),
            Math.Log(1 + c.ContributionsToAsker),
            Math.Log(c.AnswerRate),
            Math.Log(1 + At(c.RecentTopicContributions, 1)),
            Math.Log(1 + At(c.RecentTopicContributions, 2)),
            Math.Log(1 + c.Credit),
            Math.Log(1 + c.Thanks),
            Router.ProfileLogLikelihood(c, signals.TopicBackground, SharpTopicSmoothing),
            Math.Log(1 + At(recent, 3)),
            Math.Log(1 + At(recent, 4)),
            Math.Log(1 + At(c.RecentTopicContributions, 3)),
            Math.Log(1 + At(c.RecentTopicContributions, 4)),
            Math.Log((c.Credit + (PriorCreditContributions * PriorCreditRate)) / (c.Contributions + PriorCreditContributions)),
            Math.Log(1 + c.ContributionsFromAsker),
            Math.Log(options.ClosenessFloor + topicCloseness.Mean),
            Math.Log(options.ClosenessFloor + topicCloseness.Max),
        ];
    }

    private static double Closeness(double mass, double max, RoutingOptions options) => max > 0 ? mass / max : options.NeutralCloseness;

    private static double At(IReadOnlyList<double> values, int index) => index < values.Count ? values[index] : 0;

    private static double IdleHours(DateTimeOffset now, DateTimeOffset? last) =>
        last is { } l && now - l < MaxIdle ? Math.Max(0, (now - l).TotalHours) : MaxIdle.TotalHours;
}

/// <summary>What the features of one request are relative to: the best candidate's BM25, general trust mass and trust mass on each trust topic.</summary>
internal sealed record FeatureScales(double MaxText, double MaxTrust, IReadOnlyList<double> MaxTopicTrust)
{
    public static FeatureScales Of(RoutingSignals signals)
    {
        var candidates = signals.Candidates;
        return new FeatureScales(
            candidates.Select(c => c.Text).DefaultIfEmpty().Max(),
            candidates.Select(c => c.TrustMass).DefaultIfEmpty().Max(),
            [.. Enumerable.Range(0, signals.TrustTopics.Count).Select(t => candidates.Select(c => t < c.TopicTrustMass.Count ? c.TopicTrustMass[t] : 0).DefaultIfEmpty().Max())]);
    }
}
