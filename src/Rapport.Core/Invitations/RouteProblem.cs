using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rapport.Core.Blocks;
using Rapport.Core.Communities;
using Rapport.Core.Invitations.Learning;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Trust;
using Rapport.Trust.Graph;
using Rapport.Trust.Routing;
using Rapport.Trust.Scoring;

namespace Rapport.Core.Invitations;

/// <summary>
/// "Find helpers": ranks candidates for the asker's problem with the routing engine (<see cref="Router"/>, inputs from
/// <see cref="RoutingInputs"/>, trust closeness from the asker's perspective on this node's trust graph) and invites the
/// best <see cref="Community.InvitationsPerProblem"/> of those whose public work or words match the problem (a topic or a term: nobody is asked on trust alone) (<see cref="DefaultInvitations"/> for a problem outside
/// any community) who may be asked (<see cref="AskRules"/>; routing also skips the busy: they take asks from people who
/// pick them, not from the router). Each invitation keeps its score and "why you"; each invitee gets an <c>invited</c>
/// interaction and a notice. Running it again invites the next best who are not invited yet. Only the asker may route;
/// anyone else gets NotFound. An ended problem is a conflict. The ranker is this node's <see cref="RoutingModelStore.Current"/>:
/// a model learned from the instance's own answered problems once there are enough and it beats the a-priori product on
/// them, else the a-priori product (the log line says which ranked). Call it after posting: <c>ExecuteAsync(authorId, problemId)</c>.
/// </summary>
public sealed partial class RouteProblem(
    RapportDbContext db, TrustGraphStore store, InvitationWriter writer, RoutingModelStore models, TimeProvider clock, ILogger<RouteProblem> logger)
{
    /// <summary>Candidates invited for a problem posted outside any community (the same as a community's default).</summary>
    public const int DefaultInvitations = Community.DefaultInvitationsPerProblem;

    /// <summary>
    /// The engine's defaults (docs/routing.md) with trust closeness and the problem's text switched on: in the app trust
    /// is stated, not inferred, and competences and offers are written in words. Weight 1 = as much as the topic profile;
    /// a judgement, not tuned (docs/routing.md, "Routing in the app").
    /// </summary>
    public static readonly RoutingOptions Options = RoutingOptions.Default with { ClosenessWeight = 1, TextWeight = 1 };

    public async Task<Outcome<IReadOnlyList<InvitationView>>> ExecuteAsync(Guid askerId, Guid problemId, CancellationToken cancellationToken)
    {
        var problem = await db.Problems.Include(p => p.Topics).Include(p => p.Community)
            .SingleOrDefaultAsync(p => p.Id == problemId && p.AuthorId == askerId, cancellationToken);
        if (problem is null)
        {
            return Outcome<IReadOnlyList<InvitationView>>.NotFound();
        }

        if (problem.IsEnded)
        {
            return Outcome<IReadOnlyList<InvitationView>>.Conflict("This problem has ended; reopen it to find helpers.");
        }

        var now = clock.GetUtcNow();
        var graph = await store.GetAsync(cancellationToken);
        var inputs = await RoutingInputs.ReadAsync(db, graph, now, cancellationToken);
        var asker = inputs.Node(askerId);
        var perspective = await TrustPerspectives.ForAsync(db, graph, askerId, cancellationToken);
        var request = new RoutingRequest(asker, now, $"{problem.Title}\n{problem.Body}", [.. problem.Topics.Select(t => t.Topic)])
        {
            Communities = perspective?.Communities ?? ReadOnlyMemory<int>.Empty,
            BlockedPairs = await BlockedPairsAsync(askerId, inputs, cancellationToken),
            Unavailable = await UnavailableAsync(problem, inputs, now, cancellationToken),
        };

        var count = problem.Community?.InvitationsPerProblem ?? DefaultInvitations;
        var model = models.Current;
        var options = Options with { Model = model.Model };
        var signals = Router.Measure(inputs.Sources, request, options);
        var relevant = signals with { Candidates = [.. signals.Candidates.Where(c => c.Topics.Count > 0 || c.Terms.Count > 0)] };
        var chosen = Router.Rank(relevant, options).Take(count).ToList();
        LogRanked(logger, problem.Id, model.Name, chosen.Count);
        var created = new List<Guid>(chosen.Count);
        foreach (var candidate in chosen)
        {
            var inGraph = (uint)asker < (uint)graph.Snapshot.NodeCount && (uint)candidate.Person < (uint)graph.Snapshot.NodeCount;
            IReadOnlyList<TrustPath> path = inGraph ? TrustQueries.Why(graph.Snapshot, request.Perspective, TopicIndex.General, candidate.Person, Options.Trust, maxPaths: 1, maxHops: Options.MaxPathHops) : [];
            var why = new WhyYou(
                await PublicPathAsync(graph, path, cancellationToken),
                [.. candidate.Signals.Topics.Select(t => t.Term)],
                [.. candidate.Signals.Terms.Select(t => t.Term)],
                "",
                null,
                null);
            var invitation = await writer.AddAsync(
                problem, askerId, inputs.PersonAt(candidate.Person), InvitationSource.Routed, why, candidate.Score, null, now, cancellationToken);
            created.Add(invitation.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        var views = await db.Invitations.Where(i => created.Contains(i.Id)).ToViewsAsync(db, cancellationToken);
        return views.OrderBy(v => created.IndexOf(v.Id)).ToList(); // the router's order
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routed problem {ProblemId} with the {Model} ranker: {Invited} invited.")]
    private static partial void LogRanked(ILogger logger, Guid problemId, string model, int invited);

    private async Task<HashSet<(int, int)>> BlockedPairsAsync(Guid askerId, RoutingInputs inputs, CancellationToken cancellationToken)
    {
        var blocks = await db.Blocks.AsNoTracking().Where(Block.Involving(askerId)).Select(b => new { b.BlockerId, b.BlockedId }).ToListAsync(cancellationToken);
        return [.. blocks.Select(b => (inputs.Node(b.BlockerId), inputs.Node(b.BlockedId)))];
    }

    /// <summary><see cref="AskRules"/> for everyone at once, plus the busy.</summary>
    private async Task<HashSet<int>> UnavailableAsync(Problem problem, RoutingInputs inputs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - AskRules.BudgetWindow;
        var unavailable = await db.People.AsNoTracking()
            .Where(p => p.Availability != Availability.Available
                        || db.Invitations.Count(i => i.InviteeId == p.Id && i.CreatedAt > since) >= p.AttentionBudget
                        || db.Invitations.Any(i => i.ProblemId == problem.Id && i.InviteeId == p.Id))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var set = unavailable.Select(inputs.Node).ToHashSet();
        if (problem.Visibility == ProblemVisibility.Community)
        {
            var members = (await db.Memberships.Where(m => m.CommunityId == problem.CommunityId).Select(m => m.PersonId).ToListAsync(cancellationToken)).ToHashSet();
            set.UnionWith(inputs.People.Where(p => !members.Contains(p)).Select(inputs.Node).ToList());
        }

        return set;
    }

    /// <summary>The strongest path as names, when every hop of it is a public statement; otherwise none.</summary>
    private async Task<IReadOnlyList<WhyPerson>> PublicPathAsync(
        TrustGraph graph, IReadOnlyList<TrustPath> paths, CancellationToken cancellationToken)
    {
        if (paths.FirstOrDefault() is not { Hops.Count: > 0 } path)
        {
            return [];
        }

        var ids = new List<Guid> { graph.PersonAt(path.Hops[0].From) };
        foreach (var hop in path.Hops)
        {
            var (from, to) = (graph.PersonAt(hop.From), graph.PersonAt(hop.To));
            var topic = graph.TopicAt(hop.Topic) ?? TrustStatement.GeneralTopic;
            if (!await db.TrustStatements.AnyAsync(
                    s => s.FromId == from && s.ToId == to && s.Topic == topic && s.Visibility == TrustVisibility.Public && s.RevokedAt == null && s.Value > 0,
                    cancellationToken))
            {
                return [];
            }

            ids.Add(to);
        }

        var people = await db.LoadPeopleAsync(ids, cancellationToken);
        return [.. ids.Select(id => new WhyPerson(people[id].Handle, people[id].DisplayName))];
    }
}
