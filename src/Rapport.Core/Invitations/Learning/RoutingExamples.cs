using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Trust;
using Rapport.Trust.Routing;

namespace Rapport.Core.Invitations.Learning;

/// <summary>
/// One past public problem to learn from: its evidence measured as of its creation, and who answered it (contributed to
/// it, not being its author, or was credited on it) with the first time they did.
/// </summary>
internal sealed record RoutingExample(Guid ProblemId, DateTimeOffset At, RoutingSignals Signals, IReadOnlyDictionary<int, DateTimeOffset> Answered)
{
    /// <summary>Those who had answered before <paramref name="instant"/>.</summary>
    public IReadOnlySet<int> AnsweredBefore(DateTimeOffset instant) => Answered.Where(a => a.Value < instant).Select(a => a.Key).ToHashSet();
}

/// <summary>
/// The instance's own routing history, replayed: public problems in creation order, each measured by the router on the
/// inputs as they stood just before it was posted (<see cref="RoutingInputs"/> fed the public contributions, credits
/// and thanks dated before it; competences and active offers carry no date and are there from the start; trust
/// closeness is today's graph from the author's node, without community perspective; past invitation outcomes are left
/// out, as they carry no date in the engine). Candidates are therefore the people active before each problem, as in
/// the evaluation. Only public problems are read, so nothing learned comes from work the router may not show.
/// </summary>
internal static class RoutingExamples
{
    /// <summary>Only the most recent this many answered problems are measured (the replay reads all of them).</summary>
    public const int MaxExamples = 2000;

    /// <summary>Public problems posted before <paramref name="now"/> that someone other than their author answered, oldest first.</summary>
    public static async Task<List<RoutingExample>> ReadAsync(RapportDbContext db, TrustGraph graph, DateTimeOffset now, RoutingOptions options, CancellationToken cancellationToken)
    {
        var inputs = await RoutingInputs.DeclaredAsync(db, graph, cancellationToken);
        var contributions = await RoutingInputs.PublicContributionsAsync(db, cancellationToken);
        var credits = await RoutingInputs.PublicCreditsAsync(db, cancellationToken);
        var thanks = await RoutingInputs.PublicThanksAsync(db, cancellationToken);
        var rows = await db.Problems.AsNoTracking().Where(p => p.Visibility == ProblemVisibility.Public).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.AuthorId, p.Title, p.Body, p.CreatedAt, Topics = p.Topics.Select(t => t.Topic).ToList() })
            .ToListAsync(cancellationToken);
        var problems = rows.Where(p => p.CreatedAt < now).OrderBy(p => p.CreatedAt).ToList();

        var answered = new Dictionary<Guid, Dictionary<Guid, DateTimeOffset>>();
        foreach (var (problem, person, at) in contributions.Select(c => (c.ProblemId, c.AuthorId, c.At)).Concat(credits.Select(c => (c.ProblemId, c.PersonId, c.At))))
        {
            if (!answered.TryGetValue(problem, out var people))
            {
                answered[problem] = people = [];
            }

            people[person] = people.TryGetValue(person, out var first) && first < at ? first : at;
        }

        var measured = problems.Where(p => answered.ContainsKey(p.Id)).TakeLast(MaxExamples).Select(p => p.Id).ToHashSet();
        var examples = new List<RoutingExample>(measured.Count);
        int nextContribution = 0, nextCredit = 0, nextThanks = 0;
        foreach (var problem in problems)
        {
            for (; nextContribution < contributions.Count && contributions[nextContribution].At < problem.CreatedAt; nextContribution++)
            {
                inputs.AddContribution(contributions[nextContribution]);
            }

            for (; nextCredit < credits.Count && credits[nextCredit].At < problem.CreatedAt; nextCredit++)
            {
                inputs.AddCredit(credits[nextCredit]);
            }

            for (; nextThanks < thanks.Count && thanks[nextThanks].At < problem.CreatedAt; nextThanks++)
            {
                inputs.AddThanks(thanks[nextThanks]);
            }

            if (!measured.Contains(problem.Id))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var request = new RoutingRequest(inputs.Node(problem.AuthorId), problem.CreatedAt, $"{problem.Title}\n{problem.Body}", problem.Topics);
            var labels = answered[problem.Id].Where(a => a.Key != problem.AuthorId).ToDictionary(a => inputs.Node(a.Key), a => a.Value);
            examples.Add(new RoutingExample(problem.Id, problem.CreatedAt, Router.Measure(inputs.Sources, request, options), labels));
        }

        return examples;
    }
}
