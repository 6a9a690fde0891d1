using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Trust;
using Rapport.Trust.Routing;

namespace Rapport.Core.Invitations;

/// <summary>
/// The routing engine's inputs, read from the database for one request and keyed by the trust graph's node indices
/// (people without a node get indices past the graph's, where the engine finds no trust for them):
/// <list type="bullet">
/// <item>expertise: competences (topic and context), active offers (title, description, topics), the text of
/// contributions to other people's public problems, and the topics of public problems on which a contribution of theirs
/// was credited (weighted <see cref="CreditWeight"/>);</item>
/// <item>responsiveness: each contribution and credit as dated activity, and every past invitation's outcome — accepted
/// or referred count as answered; declined, expired, or pending longer than <see cref="ResponseWindow"/> (ignored) as not;
/// withdrawn and recent pending ones are not counted.</item>
/// </list>
/// Only public problems feed expertise: what someone did on a problem the asker cannot see must not change whom the asker
/// is shown, nor put its words in a "why you".
/// </summary>
internal sealed class RoutingInputs
{
    /// <summary>A pending invitation older than this was ignored.</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromDays(7);

    /// <summary>A credited contribution counts this many times a competence on each of its problem's topics (credit is shown expertise).</summary>
    public const double CreditWeight = 2;

    private readonly Dictionary<Guid, int> _nodes = [];
    private readonly Dictionary<int, Guid> _people = [];
    private readonly TrustGraph _graph;
    private int _next;

    private RoutingInputs(TrustGraph graph)
    {
        _graph = graph;
        _next = graph.Snapshot.NodeCount;
    }

    public ExpertiseIndex Expertise { get; } = new();

    public ResponsivenessLog Responsiveness { get; } = new();

    public RoutingSources Sources => new(Expertise, Responsiveness, _graph.Snapshot);

    public IEnumerable<Guid> People => _nodes.Keys;

    public int Node(Guid person)
    {
        if (_nodes.TryGetValue(person, out var node))
        {
            return node;
        }

        node = _graph.TryGetNode(person, out var inGraph) ? inGraph : _next++;
        _nodes[person] = node;
        _people[node] = person;
        return node;
    }

    public Guid PersonAt(int node) => _people[node];

    public static async Task<RoutingInputs> ReadAsync(RapportDbContext db, TrustGraph graph, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inputs = new RoutingInputs(graph);
        foreach (var c in await db.Competences.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.PersonId, c.Topic, c.Context }).ToListAsync(cancellationToken))
        {
            var node = inputs.Node(c.PersonId);
            inputs.Expertise.AddTopics(node, [c.Topic]);
            inputs.Expertise.AddText(node, $"{c.Topic} {c.Context}");
        }

        var offers = await db.Offers.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Id)
            .Select(o => new { o.PersonId, o.Title, o.Description, Topics = o.Topics.Select(t => t.Topic).ToList() }).ToListAsync(cancellationToken);
        foreach (var o in offers)
        {
            var node = inputs.Node(o.PersonId);
            inputs.Expertise.AddTopics(node, o.Topics);
            inputs.Expertise.AddText(node, $"{o.Title} {o.Description} {string.Join(' ', o.Topics)}");
        }

        var contributions = await db.Contributions.AsNoTracking()
            .Where(c => c.Problem!.Visibility == ProblemVisibility.Public && c.AuthorId != c.Problem.AuthorId)
            .OrderBy(c => c.Id).Select(c => new { c.AuthorId, c.Body, c.CreatedAt }).ToListAsync(cancellationToken);
        foreach (var c in contributions)
        {
            var node = inputs.Node(c.AuthorId);
            inputs.Expertise.AddText(node, c.Body);
            inputs.Responsiveness.RecordActivity(node, c.CreatedAt);
        }

        var credits = await db.Credits.AsNoTracking()
            .Where(c => c.ContributionId != null && c.Contribution!.Problem!.Visibility == ProblemVisibility.Public)
            .OrderBy(c => c.Id)
            .Select(c => new { c.CreditedPersonId, c.CreatedAt, Topics = c.Contribution!.Problem!.Topics.Select(t => t.Topic).ToList() })
            .ToListAsync(cancellationToken);
        foreach (var c in credits)
        {
            var node = inputs.Node(c.CreditedPersonId);
            if (c.Topics.Count > 0)
            {
                inputs.Expertise.AddTopics(node, c.Topics, CreditWeight);
            }

            inputs.Responsiveness.RecordActivity(node, c.CreatedAt, CreditWeight);
        }

        var ignoredBefore = now - ResponseWindow;
        var outcomes = await db.Invitations.AsNoTracking().Where(i => i.Status != InvitationStatus.Withdrawn).OrderBy(i => i.Id)
            .Select(i => new { i.InviteeId, i.Status, i.CreatedAt }).ToListAsync(cancellationToken);
        foreach (var i in outcomes)
        {
            if (i.Status == InvitationStatus.Pending && i.CreatedAt > ignoredBefore)
            {
                continue; // still time to answer
            }

            inputs.Responsiveness.RecordInvitation(inputs.Node(i.InviteeId), i.Status is InvitationStatus.Accepted or InvitationStatus.Referred);
        }

        return inputs;
    }
}
