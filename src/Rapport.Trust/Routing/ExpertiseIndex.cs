using Rapport.Trust.Topics;

namespace Rapport.Trust.Routing;

/// <summary>
/// What each person has shown they know, as the router reads it: one text document per person (their past
/// contributions, plus competences and offers as extra text) for BM25, and a topic profile (how much credited or
/// answered work they did on each topic). Append-only and not thread-safe for writes; people are the trust engine's
/// dense node indices. Candidate-as-document is Balog, Azzopardi and de Rijke's "Model 1" (SIGIR 2006).
/// </summary>
public sealed class ExpertiseIndex
{
    private readonly Dictionary<string, Dictionary<int, double>> postings = new(StringComparer.Ordinal);
    private readonly Dictionary<int, double> lengths = [];
    private readonly Dictionary<int, Dictionary<string, double>> topicsByPerson = [];
    private readonly Dictionary<string, int> peopleByTopic = new(StringComparer.Ordinal);
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

            if (!profile.ContainsKey(topic))
            {
                peopleByTopic[topic] = peopleByTopic.GetValueOrDefault(topic) + 1;
            }

            profile[topic] = profile.GetValueOrDefault(topic) + weight;
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

    /// <summary>
    /// Topic match: Σ over the problem's topics of idf(topic) · n / (n + saturation), n = the person's work on the topic,
    /// idf over the people with a topic profile. Saturation keeps one prolific topic from drowning the others.
    /// </summary>
    internal Dictionary<int, Match> ScoreTopics(IEnumerable<string> topics, double saturation)
    {
        var scores = new Dictionary<int, Match>();
        var normalized = topics.Select(Topic.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (normalized.Count == 0)
        {
            return scores;
        }

        foreach (var (person, profile) in topicsByPerson)
        {
            foreach (var topic in normalized)
            {
                if (profile.TryGetValue(topic, out var work))
                {
                    var score = Bm25.Idf(topicsByPerson.Count, peopleByTopic[topic]) * work / (work + saturation);
                    if (!scores.TryGetValue(person, out var match))
                    {
                        scores[person] = match = new Match();
                    }

                    match.Add(topic, score);
                }
            }
        }

        return scores;
    }

    /// <summary>How much work <paramref name="person"/> did on <paramref name="topic"/> (already normalized).</summary>
    internal double WorkOn(int person, string topic) =>
        topicsByPerson.TryGetValue(person, out var profile) ? profile.GetValueOrDefault(topic) : 0;
}
