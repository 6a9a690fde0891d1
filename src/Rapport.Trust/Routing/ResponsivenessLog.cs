namespace Rapport.Trust.Routing;

/// <summary>
/// How available and responsive each person has been: dated activity (answers, replies, contributions; the caller picks
/// each kind's weight) and the outcomes of past invitations. Append-only and not thread-safe for writes. A query at time
/// t reads only activity strictly before t, so the same log can serve questions of any date without looking ahead.
/// </summary>
public sealed class ResponsivenessLog
{
    private readonly Dictionary<int, List<(DateTimeOffset At, double Weight)>> activity = [];
    private readonly Dictionary<int, (int Invited, int Answered)> invitations = [];
    private readonly Dictionary<int, List<Contribution>> contributions = [];
    private readonly Dictionary<int, List<(DateTimeOffset At, double Weight)>> credits = [];
    private readonly Dictionary<int, List<(DateTimeOffset At, double Weight)>> thanks = [];

    /// <summary>People with any activity, contribution or invitation.</summary>
    public IEnumerable<int> People => activity.Keys.Union(contributions.Keys).Union(invitations.Keys);

    /// <summary>
    /// Records that <paramref name="person"/> contributed to someone's problem at <paramref name="at"/> (an answer, a
    /// contribution cited in a resolution), whose problem it was (<paramref name="helped"/>, null when unknown) and its
    /// topics. The learned ranker reads these apart from general activity: how many, how recently, how recently on the
    /// problem's topics, and whether the asker was helped before. Call <see cref="RecordActivity"/> as well if the
    /// contribution should also count in the activity prior.
    /// </summary>
    public void RecordContribution(int person, DateTimeOffset at, int? helped = null, IEnumerable<string>? topics = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        if (!contributions.TryGetValue(person, out var events))
        {
            contributions[person] = events = [];
        }

        events.Add(new Contribution(at, helped, ExpertiseIndex.Normalize(topics ?? [])));
    }

    /// <summary>Records credit given to <paramref name="person"/>'s work at <paramref name="at"/>: their contribution was accepted or cited in a resolution.</summary>
    public void RecordCredit(int person, DateTimeOffset at, double weight = 1) => Add(credits, person, at, weight);

    /// <summary>Records thanks for <paramref name="person"/>'s work at <paramref name="at"/> (a thank-you, an upvote).</summary>
    public void RecordThanks(int person, DateTimeOffset at, double weight = 1) => Add(thanks, person, at, weight);

    /// <summary>
    /// Records that <paramref name="person"/> did something worth <paramref name="weight"/> at <paramref name="at"/>; weight
    /// 0 records only that they were there (a candidate, and their last activity) without adding to the prior.
    /// </summary>
    public void RecordActivity(int person, DateTimeOffset at, double weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        if (!activity.TryGetValue(person, out var events))
        {
            activity[person] = events = [];
        }

        events.Add((at, weight));
    }

    /// <summary>Records an invitation to <paramref name="person"/> and whether they answered it (accepted, answered or referred).</summary>
    public void RecordInvitation(int person, bool answered)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        var (invited, yes) = invitations.GetValueOrDefault(person);
        invitations[person] = (invited + 1, yes + (answered ? 1 : 0));
    }

    /// <summary>
    /// Activity before <paramref name="now"/>, each event decayed by half every <paramref name="halfLife"/>, and the
    /// latest such event. Recency and volume in one number: a person active daily last month outweighs one who was
    /// very active a year ago.
    /// </summary>
    internal (double Recent, DateTimeOffset? LastActive) Activity(int person, DateTimeOffset now, TimeSpan halfLife)
    {
        if (!activity.TryGetValue(person, out var events))
        {
            return (0, null);
        }

        double recent = 0;
        DateTimeOffset? last = null;
        foreach (var (at, weight) in events)
        {
            if (at >= now)
            {
                continue;
            }

            recent += weight * Math.Pow(2, -(now - at) / halfLife);
            last = last is { } l && l > at ? l : at;
        }

        return (recent, last);
    }

    /// <summary>
    /// The share of invitations answered, smoothed by a Beta prior: (answered + prior · mean) / (invited + prior).
    /// Someone never invited gets the prior mean; <c>Invited</c> = 0 then says "not asked yet".
    /// </summary>
    internal (double Rate, int Invited) AnswerRate(int person, double priorMean, double priorStrength)
    {
        var (invited, answered) = invitations.GetValueOrDefault(person);
        return ((answered + (priorStrength * priorMean)) / (invited + priorStrength), invited);
    }

    /// <summary>
    /// Contributions before <paramref name="now"/>: how many, each count again decayed by each of
    /// <paramref name="halfLives"/> (all, and those on any of <paramref name="topics"/>), the latest, how many went to
    /// <paramref name="asker"/>'s problems, and the credit and thanks received before <paramref name="now"/>.
    /// </summary>
    internal ContributionHistory Contributions(int person, DateTimeOffset now, IReadOnlyList<TimeSpan> halfLives, int asker, IReadOnlyList<string> topics)
    {
        var decayed = new double[halfLives.Count];
        var topical = new double[halfLives.Count];
        double count = 0, toAsker = 0;
        DateTimeOffset? last = null;
        foreach (var (at, helped, on) in contributions.GetValueOrDefault(person) ?? [])
        {
            if (at >= now)
            {
                continue;
            }

            count++;
            toAsker += helped == asker ? 1 : 0;
            var onTopic = on.Any(t => topics.Contains(t, StringComparer.Ordinal));
            for (var h = 0; h < halfLives.Count; h++)
            {
                var weight = Math.Pow(2, -(now - at) / halfLives[h]);
                decayed[h] += weight;
                topical[h] += onTopic ? weight : 0;
            }

            last = last is { } l && l > at ? l : at;
        }

        return new ContributionHistory(count, decayed, topical, last, toAsker, Sum(credits, person, now), Sum(thanks, person, now));
    }

    /// <summary>
    /// How many contributions <paramref name="helper"/> made before <paramref name="now"/> to each person's problems (the
    /// reverse of <see cref="ContributionHistory.ToAsker"/>: has the asker helped this candidate before?).
    /// </summary>
    internal Dictionary<int, double> Helped(int helper, DateTimeOffset now)
    {
        var helped = new Dictionary<int, double>();
        foreach (var (at, person, _) in contributions.GetValueOrDefault(helper) ?? [])
        {
            if (at < now && person is { } p)
            {
                helped[p] = helped.GetValueOrDefault(p) + 1;
            }
        }

        return helped;
    }

    private static void Add(Dictionary<int, List<(DateTimeOffset At, double Weight)>> log, int person, DateTimeOffset at, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        if (!log.TryGetValue(person, out var events))
        {
            log[person] = events = [];
        }

        events.Add((at, weight));
    }

    private static double Sum(Dictionary<int, List<(DateTimeOffset At, double Weight)>> log, int person, DateTimeOffset now) =>
        log.TryGetValue(person, out var events) ? events.Where(e => e.At < now).Sum(e => e.Weight) : 0;

    private readonly record struct Contribution(DateTimeOffset At, int? Helped, List<string> Topics);
}

/// <summary>A person's record before a request: contributions (count, decayed counts per half-life, the same on the request's topics, latest, to the asker), credit and thanks.</summary>
internal readonly record struct ContributionHistory(double Count, double[] Decayed, double[] Topical, DateTimeOffset? Last, double ToAsker, double Credit, double Thanks);
