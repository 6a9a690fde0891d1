using Rapport.Trust.Routing;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>
/// One question ready to rank: the router's evidence for every candidate active before it, each candidate's answer
/// count so far (most-active), and the labels: who answered it (counting only answers posted before
/// <c>labelsBefore</c>) and the accepted answerer.
/// </summary>
internal sealed record RoutingCase(SiteQuestion Question, RoutingSignals Signals, int[] AnswersSoFar, IReadOnlySet<int> Answerers, int? AcceptedAnswerer)
{
    /// <summary>When each answerer first answered (to cut the labels again at an earlier origin).</summary>
    public IReadOnlyDictionary<int, DateTimeOffset> FirstAnswers { get; init; } = new Dictionary<int, DateTimeOffset>();

    /// <summary>The answerers who had answered before <paramref name="origin"/>.</summary>
    public IReadOnlySet<int> AnswerersBefore(DateTimeOffset origin) => FirstAnswers.Where(p => p.Value < origin).Select(p => p.Key).ToHashSet();

    /// <summary>Replays <paramref name="site"/> once and builds a case for each of <paramref name="questions"/> that someone other than its asker answered.</summary>
    public static List<RoutingCase> Collect(
        StackExchangeSite site, IReadOnlyList<SiteQuestion> questions, DateTimeOffset labelsBefore, RoutingParameters parameters,
        CancellationToken cancellationToken)
    {
        var replay = new SiteReplay(site, parameters.Direction, parameters.CommentEdgeWeight, parameters.AnswersOnlyActivity);
        var answers = site.Answers.ToLookup(a => a.QuestionId);
        var cases = new List<RoutingCase>();
        foreach (var question in questions.OrderBy(q => q.Created).ThenBy(q => q.Id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var asker = replay.Node(question.Owner);
            var firstAnswers = answers[question.Id].Where(a => a.Created < labelsBefore && a.Owner != question.Owner)
                .GroupBy(a => replay.Node(a.Owner)).ToDictionary(g => g.Key, g => g.Min(a => a.Created));
            var answerers = firstAnswers.Keys.ToHashSet();
            if (answerers.Count == 0)
            {
                continue;
            }

            var accepted = answers[question.Id].FirstOrDefault(a => a.Id == question.AcceptedAnswerId && a.Created < labelsBefore && a.Owner != question.Owner);
            replay.AdvanceTo(question.Created);
            var request = new RoutingRequest(asker, question.Created, question.Text, question.Tags);
            var signals = Router.Measure(replay.Sources, request, parameters.Options);
            cases.Add(new RoutingCase(question, signals, [.. signals.Candidates.Select(c => replay.AnswersBy(c.Person))], answerers,
                accepted is null ? null : replay.Node(accepted.Owner)) { FirstAnswers = firstAnswers });
        }

        return cases;
    }
}
