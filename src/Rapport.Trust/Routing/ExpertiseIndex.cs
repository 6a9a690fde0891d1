using Rapport.Trust.Topics;

namespace Rapport.Trust.Routing;

/// <summary>
/// What each person has shown they know, as the router reads it: one text document per person (their past
/// contributions, plus competences and offers as extra text) for BM25, and a topic profile (how much credited or
/// answered work they did on each topic), from which the router draws a smoothed topic language model P(t|u). Append-only and not thread-safe for writes; people are the trust engine's
/// dense node indices. Candidate-as-document is Balog, Azzopardi and de Rijke's "Model 1" (SIGIR 2006).
/// </summary>
public sealed class ExpertiseIndex
{
    private readonly Dictionary<string, Dictionary<int, double>> postings = new(StringComparer.Ordinal);
    private readonly Dictionary<int, double> lengths = [];
    private readonly Dictionary<int, Dictionary<string, double>> topicsByPerson = [];
    private readonly Dictionary<string, double> topicTotals = new(StringComparer.Ordinal);
    private readonly Dictionary<int, double> profileSizes = [];
    private double topicMass;
    private double totalLength;

    /// <summary>People with any text or topic in the index.</summary>
    public IEnumerable<int> People => lengths.Keys.Union(topicsByPerson.Keys);

    /// <summary>People with text: BM25's N.</summary>
    public int Documents => lengths.Count;

    /// <summary>Adds <paramref name="text"/> to <paramref name="person"/>'s document, each term counting <paramref name="weight"/>.</summary>
    public void AddText(int person, string? text, double weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        foreach (var term in TextTerms.Of(text))
        {
            if (!postings.TryGetValue(term, out var people))
            {
                postings[term] = people = [];
            }

            people[person] = people.GetValueOrDefault(person) + weight;
            lengths[person] = lengths.GetValueOrDefault(person) + weight;
            totalLength += weight;
        }
    }

    /// <summary>Credits <paramref name="person"/> with work on each of <paramref name="topics"/> (normalized by <see cref="Topic.Normalize"/>).</summary>
    public void AddTopics(int person, IEnumerable<string> topics, double weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        foreach (var raw in topics)
        {
            if (Topic.Normalize(raw) is not { } topic)
            {
                continue;
            }

            if (!topicsByPerson.TryGetValue(person, out var profile))
            {
                topicsByPerson[person] = profile = new(StringComparer.Ordinal);
            }

            profile[topic] = profile.GetValueOrDefault(topic) + weight;
            topicTotals[topic] = topicTotals.GetValueOrDefault(topic) + weight;
            profileSizes[person] = profileSizes.GetValueOrDefault(person) + weight;
            topicMass += weight;
        }
    }

    /// <summary>BM25 of every person's document against the distinct <paramref name="queryTerms"/>, with each term's share.</summary>
    internal Dictionary<int, Match> ScoreText(IEnumerable<string> queryTerms, double k1, double b)
    {
        var scores = new Dictionary<int, Match>();
        if (lengths.Count == 0)
        {
            return scores;
        }

        var averageLength = totalLength / lengths.Count;
        foreach (var term in queryTerms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!postings.TryGetValue(term, out var people))
            {
                continue;
            }

            var idf = Bm25.Idf(lengths.Count, people.Count);
            foreach (var (person, frequency) in people)
            {
                var score = Bm25.Term(idf, frequency, lengths[person], averageLength, k1, b);
                if (!scores.TryGetValue(person, out var match))
                {
                    scores[person] = match = new Match();
                }

                match.Add(term, score);
            }
        }

        return scores;
    }

    /// <summary>The problem's topics, normalized and distinct, in ordinal order.</summary>
    internal static List<string> Normalize(IEnumerable<string> topics) =>
        [.. topics.Select(Topic.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The collection's topic distribution P(t|C) = Σ_u n_{u,t} / Σ_{u,t} n_{u,t} for each of <paramref name="normalized"/>
    /// that anyone has worked on (a topic nobody knows says nothing about anyone and is left out).
    /// </summary>
    internal List<TermShare> Background(IReadOnlyList<string> normalized) =>
        [.. normalized.Where(t => topicTotals.GetValueOrDefault(t) > 0).Select(t => new TermShare(t, topicTotals[t] / topicMass))];

    /// <summary>Total work on all topics by <paramref name="person"/> (n_u, the length of their topic profile).</summary>
    internal double ProfileSize(int person) => profileSizes.GetValueOrDefault(person);

    /// <summary>The work each person did on each of <paramref name="normalized"/> they worked on.</summary>
    internal Dictionary<int, Match> MatchTopics(IReadOnlyList<string> normalized)
    {
        var matches = new Dictionary<int, Match>();
        foreach (var (person, profile) in topicsByPerson)
        {
            foreach (var topic in normalized)
            {
                if (profile.TryGetValue(topic, out var work))
                {
                    if (!matches.TryGetValue(person, out var match))
                    {
                        matches[person] = match = new Match();
                    }

                    match.Add(topic, work);
                }
            }
        }

        return matches;
    }
}
