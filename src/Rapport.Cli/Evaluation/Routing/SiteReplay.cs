using Rapport.Trust.Graph;
using Rapport.Trust.Routing;
using Rapport.Trust.Topics;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>Which way an interaction becomes a trust statement: as the brief draws it (helper → helped), backwards, or both.</summary>
internal enum EdgeDirection
{
    HelperToHelped,
    HelpedToHelper,
    Both,
}

/// <summary>
/// Replays a site in time order into the router's sources. <see cref="AdvanceTo"/> applies every event strictly before an
/// instant and nothing after it, so what a question is ranked on never includes its own answers or anything later.
/// What each event adds:
/// <list type="bullet">
/// <item>question: activity of the asker (<see cref="QuestionActivity"/>);</item>
/// <item>answer: the question's title and the answer's text to the answerer's document, the question's tags to their
/// topic profile, activity 1, a contribution to the asker, one interaction answerer → asker;</item>
/// <item>comment: its text to the commenter's document (<see cref="CommentWeight"/>), activity at the same weight, one
/// interaction commenter → post owner counting <c>commentEdgeWeight</c> of an answer's;</item>
/// <item>accept vote (known from the day after its date): the question's tags again to the answerer's profile (credited work), one credit;</item>
/// <item>upvote on an answer (known from the day after its date): thanks to the answerer.</item>
/// </list>
/// The relationship graph is those interactions, weighted by count: a pair with n (weighted) interactions states 1 − 2^−n.
/// Since round 7 each interaction is also counted on each tag of the question it happened on (an answer to it, a comment on
/// it or on one of its answers): a pair with n_t interactions on tag t also states 1 − 2^−n_t on topic t (the engine's
/// topic layer; on t it replaces their general statement, others' general statements count at the fallback discount).
/// </summary>
internal sealed class SiteReplay
{
    public const double CommentWeight = 0.5;
    public const double QuestionActivity = 0.25;

    private readonly List<(DateTimeOffset At, int Order, Action Apply)> events = [];
    private readonly Dictionary<int, int> nodes = [];
    private readonly Dictionary<int, int> postOwners = [];
    private readonly Dictionary<int, SiteQuestion> questions = [];
    private readonly Dictionary<(int From, int To), double> interactions = [];
    private readonly Dictionary<(int From, int To, int Topic), double> topicInteractions = [];
    private readonly Dictionary<int, int> postQuestions = [];
    private readonly Dictionary<string, int> topics = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> answerCounts = [];
    private readonly EdgeDirection direction;
    private readonly double commentEdgeWeight;
    private readonly bool answersOnlyActivity;
    private int next;
    private TrustSnapshot? snapshot;

    /// <param name="site">The site.</param>
    /// <param name="direction">Which way interactions become trust statements.</param>
    /// <param name="commentEdgeWeight">What a comment counts as an interaction, relative to an answer.</param>
    /// <param name="answersOnlyActivity">Questions and comments record presence only (activity weight 0): the prior then counts answers alone.</param>
    public SiteReplay(StackExchangeSite site, EdgeDirection direction, double commentEdgeWeight, bool answersOnlyActivity = false)
    {
        this.direction = direction;
        this.commentEdgeWeight = commentEdgeWeight;
        this.answersOnlyActivity = answersOnlyActivity;
        foreach (var user in site.Users.Order())
        {
            Node(user);
        }

        var answers = site.Answers.ToDictionary(a => a.Id);
        foreach (var tag in site.Questions.SelectMany(q => q.Tags).Select(Topic.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            topics[tag] = topics.Count + 1; // names only, no interaction: 0 is general trust
        }

        foreach (var q in site.Questions)
        {
            questions[q.Id] = q;
            events.Add((q.Created, 0, () => Posted(q)));
        }

        foreach (var a in site.Answers)
        {
            events.Add((a.Created, 1, () => Answered(a)));
        }

        foreach (var c in site.Comments)
        {
            events.Add((c.Created, 2, () => Commented(c)));
        }

        foreach (var accept in site.Accepts)
        {
            if (answers.TryGetValue(accept.AnswerId, out var answer) && questions.TryGetValue(answer.QuestionId, out var question))
            {
                events.Add((accept.KnownFrom, 3, () =>
                {
                    Expertise.AddTopics(Node(answer.Owner), question.Tags);
                    Responsiveness.RecordCredit(Node(answer.Owner), accept.KnownFrom);
                }));
            }
        }

        foreach (var upvote in site.Upvotes)
        {
            if (answers.TryGetValue(upvote.PostId, out var answer))
            {
                events.Add((upvote.KnownFrom, 4, () => Responsiveness.RecordThanks(Node(answer.Owner), upvote.KnownFrom)));
            }
        }

        events.Sort((x, y) => x.At != y.At ? x.At.CompareTo(y.At) : x.Order.CompareTo(y.Order));
    }

    public ExpertiseIndex Expertise { get; } = new();

    public ResponsivenessLog Responsiveness { get; } = new();

    /// <summary>The relationship graph as it stands now, as trust statements in the replay's direction.</summary>
    public TrustSnapshot Trust => snapshot ??= TrustSnapshot.Build(nodes.Count, [.. Statements()], next);

    public RoutingSources Sources => new(Expertise, Responsiveness, Trust) { TopicIndexOf = TopicIndexOf };

    /// <summary>The trust topic of a normalized tag; <see cref="TopicIndex.General"/> (skipped) for a name no question uses.</summary>
    public int TopicIndexOf(string topic) => topics.GetValueOrDefault(topic, TopicIndex.General);

    /// <summary>The dense node index of a site user id.</summary>
    public int Node(int user)
    {
        if (!nodes.TryGetValue(user, out var node))
        {
            nodes[user] = node = nodes.Count;
            snapshot = null;
        }

        return node;
    }

    /// <summary>Answers each person posted so far (the most-active baseline).</summary>
    public int AnswersBy(int node) => answerCounts.GetValueOrDefault(node);

    /// <summary>Applies every event strictly before <paramref name="at"/>; time only moves forward.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        while (next < events.Count && events[next].At < at)
        {
            events[next++].Apply();
        }
    }

    private void Posted(SiteQuestion q)
    {
        postOwners[q.Id] = q.Owner;
        postQuestions[q.Id] = q.Id;
        Responsiveness.RecordActivity(Node(q.Owner), q.Created, answersOnlyActivity ? 0 : QuestionActivity);
    }

    private void Answered(SiteAnswer a)
    {
        postOwners[a.Id] = a.Owner;
        postQuestions[a.Id] = a.QuestionId;
        var answerer = Node(a.Owner);
        var question = questions.GetValueOrDefault(a.QuestionId);
        Expertise.AddText(answerer, $"{question?.Title}\n{a.Text}");
        Expertise.AddTopics(answerer, question?.Tags ?? []);
        Responsiveness.RecordActivity(answerer, a.Created);
        Responsiveness.RecordContribution(answerer, a.Created, question is null ? null : Node(question.Owner), question?.Tags);
        answerCounts[answerer] = answerCounts.GetValueOrDefault(answerer) + 1;
        if (question is not null)
        {
            Interact(a.Owner, question.Owner, 1, question.Tags);
        }
    }

    private void Commented(SiteComment c)
    {
        var author = Node(c.Author);
        Expertise.AddText(author, c.Text, CommentWeight);
        Responsiveness.RecordActivity(author, c.Created, answersOnlyActivity ? 0 : CommentWeight);
        if (commentEdgeWeight > 0 && postOwners.TryGetValue(c.PostId, out var owner))
        {
            Interact(c.Author, owner, commentEdgeWeight, questions.GetValueOrDefault(postQuestions.GetValueOrDefault(c.PostId))?.Tags ?? []);
        }
    }

    private void Interact(int fromUser, int toUser, double weight, IReadOnlyList<string> tags)
    {
        if (fromUser == toUser)
        {
            return;
        }

        var key = (Node(fromUser), Node(toUser));
        interactions[key] = interactions.GetValueOrDefault(key) + weight;
        foreach (var topic in tags.Select(Topic.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).Select(TopicIndexOf).Where(t => t != TopicIndex.General))
        {
            var topicKey = (key.Item1, key.Item2, topic);
            topicInteractions[topicKey] = topicInteractions.GetValueOrDefault(topicKey) + weight;
        }

        snapshot = null;
    }

    private IEnumerable<StatementEdge> Statements()
    {
        var counts = new Dictionary<(int From, int To, int Topic), double>();
        void Count(int from, int to, int topic, double n)
        {
            if (direction != EdgeDirection.HelpedToHelper)
            {
                counts[(from, to, topic)] = counts.GetValueOrDefault((from, to, topic)) + n;
            }

            if (direction != EdgeDirection.HelperToHelped)
            {
                counts[(to, from, topic)] = counts.GetValueOrDefault((to, from, topic)) + n;
            }
        }

        foreach (var ((from, to), n) in interactions)
        {
            Count(from, to, TopicIndex.General, n);
        }

        foreach (var ((from, to, topic), n) in topicInteractions)
        {
            Count(from, to, topic, n);
        }

        return counts.OrderBy(p => p.Key).Select(p => new StatementEdge(p.Key.From, p.Key.To, (float)(1 - Math.Pow(2, -p.Value)), p.Key.Topic, EdgeScope.Public));
    }
}
