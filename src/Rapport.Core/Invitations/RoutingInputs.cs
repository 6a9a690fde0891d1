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
/// <item>the learned ranker's counts (<see cref="RoutingFeatures"/>): each such contribution with its problem's author
/// and topics (<see cref="ResponsivenessLog.RecordContribution"/>), each credit on one, each thank-you for one;</item>
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

    /// <summary>
    /// The sources for the engine, with the trust graph's topic map so that the learned ranker's topic-closeness features
    /// (round 7) read the asker's trust on the problem's topics; which statements count is the engine's perspective rule.
    /// </summary>
    public RoutingSources Sources => new(Expertise, Responsiveness, _graph.Snapshot) { TopicIndexOf = _graph.TopicIndexOf };

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
        var inputs = await DeclaredAsync(db, graph, cancellationToken);
        foreach (var c in await PublicContributionsAsync(db, cancellationToken))
        {
            inputs.AddContribution(c);
        }

        foreach (var c in await PublicCreditsAsync(db, cancellationToken))
        {
            inputs.AddCredit(c);
        }

        foreach (var t in await PublicThanksAsync(db, cancellationToken))
        {
            inputs.AddThanks(t);
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

    /// <summary>
    /// Inputs holding only what people say of themselves: competences (topic and context) and active offers (title,
    /// description, topics). They carry no date of their own, so a replay of the past (<c>Learning</c>) starts from them.
    /// </summary>
    internal static async Task<RoutingInputs> DeclaredAsync(RapportDbContext db, TrustGraph graph, CancellationToken cancellationToken)
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

        return inputs;
    }

    /// <summary>
    /// Contributions to public problems by someone other than the problem's author, oldest first, with the problem's
    /// author, topics and date (the only work the router learns from: a hidden problem never changes whom anyone is shown).
    /// </summary>
    internal static async Task<List<PublicContribution>> PublicContributionsAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Contributions.AsNoTracking()
            .Where(c => c.Problem!.Visibility == ProblemVisibility.Public && c.AuthorId != c.Problem.AuthorId)
            .OrderBy(c => c.Id)
            .Select(c => new { c.AuthorId, c.ProblemId, ProblemAuthorId = c.Problem!.AuthorId, c.Body, c.CreatedAt, Topics = c.Problem.Topics.Select(t => t.Topic).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new PublicContribution(c.AuthorId, c.ProblemId, c.ProblemAuthorId, c.Body, c.CreatedAt, c.Topics)).OrderBy(c => c.At)];
    }

    /// <summary>Credits for contributions to public problems, oldest first, with the problem and its topics.</summary>
    internal static async Task<List<PublicCredit>> PublicCreditsAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Credits.AsNoTracking()
            .Where(c => c.ContributionId != null && c.Contribution!.Problem!.Visibility == ProblemVisibility.Public)
            .OrderBy(c => c.Id)
            .Select(c => new { c.CreditedPersonId, c.Contribution!.ProblemId, c.CreatedAt, Topics = c.Contribution.Problem!.Topics.Select(t => t.Topic).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new PublicCredit(c.CreditedPersonId, c.ProblemId, c.CreatedAt, c.Topics)).OrderBy(c => c.At)];
    }

    /// <summary>Thanks for contributions to public problems (not the contributor's own), oldest first, each for the contributor.</summary>
    internal static async Task<List<PublicThanks>> PublicThanksAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Thanks.AsNoTracking()
            .Join(db.Contributions.Where(c => c.Problem!.Visibility == ProblemVisibility.Public), t => t.ContributionId, c => c.Id, (t, c) => new { c.AuthorId, t.PersonId, t.ContributionId, t.CreatedAt })
            .Where(t => t.PersonId != t.AuthorId)
            .OrderBy(t => t.ContributionId).ThenBy(t => t.PersonId)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(t => new PublicThanks(t.AuthorId, t.CreatedAt)).OrderBy(t => t.At)];
    }

    /// <summary>
    /// A contribution as expertise (its words), as activity, and as a contribution to its problem's author on its topics
    /// (the learned ranker's counts: how many, how recent, on the problem's topics, to the asker).
    /// </summary>
    internal void AddContribution(PublicContribution c)
    {
        var node = Node(c.AuthorId);
        Expertise.AddText(node, c.Body);
        Responsiveness.RecordActivity(node, c.At);
        Responsiveness.RecordContribution(node, c.At, Node(c.ProblemAuthorId), c.Topics);
    }

    /// <summary>A credit as shown expertise on its problem's topics (weight <see cref="CreditWeight"/>), as activity and as credit.</summary>
    internal void AddCredit(PublicCredit c)
    {
        var node = Node(c.PersonId);
        if (c.Topics.Count > 0)
        {
            Expertise.AddTopics(node, c.Topics, CreditWeight);
        }

        Responsiveness.RecordActivity(node, c.At, CreditWeight);
        Responsiveness.RecordCredit(node, c.At);
    }

    /// <summary>A thank-you for someone's contribution.</summary>
    internal void AddThanks(PublicThanks t) => Responsiveness.RecordThanks(Node(t.Contributor), t.At);
}

/// <summary>A contribution to someone else's public problem: who, on which problem (and whose), what, when, the problem's topics.</summary>
internal sealed record PublicContribution(Guid AuthorId, Guid ProblemId, Guid ProblemAuthorId, string Body, DateTimeOffset At, List<string> Topics);

/// <summary>Credit for a contribution to a public problem: who, on which problem, when, the problem's topics.</summary>
internal sealed record PublicCredit(Guid PersonId, Guid ProblemId, DateTimeOffset At, List<string> Topics);

/// <summary>A thank-you for a contribution to a public problem: whose contribution, when.</summary>
internal sealed record PublicThanks(Guid Contributor, DateTimeOffset At);
