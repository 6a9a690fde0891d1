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

    /// <summary>People with any activity or invitation.</summary>
    public IEnumerable<int> People => activity.Keys.Union(invitations.Keys);

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
}
