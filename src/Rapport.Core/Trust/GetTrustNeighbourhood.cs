using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>One current statement as a line of the picture: who trusts whom, how much, on which topic (null: general).</summary>
public sealed record TrustEdgeView(Guid FromId, Guid ToId, double Value, string? Topic)
{
    /// <summary>The named step nearest to <see cref="Value"/>, for pages.</summary>
    public TrustLevel Level => TrustLevel.Nearest(Value);
}

/// <summary>
/// A piece of the trust graph as the viewer may see it: the person it is drawn around, the people in it and the
/// statements among them, on <c>Topic</c> (null: general trust only).
/// </summary>
public sealed record TrustNeighbourhood(PersonSummary Around, string? Topic, IReadOnlyList<PersonSummary> People, IReadOnlyList<TrustEdgeView> Edges);

/// <summary>
/// The picture of trust around one person (the viewer when no handle is given), for drawing and for expanding it one
/// person at a time: the current statements that person makes (strongest first, at most <see cref="MaxOutgoing"/>),
/// then the statements among everyone in the picture (them, whom they trust, and <c>among</c>: people the caller
/// already shows), at most <see cref="MaxEdges"/> in all.
/// <para>
/// Only statements the viewer may see (<see cref="TrustStatementAccess.CanSee"/>), and never a revoked one, so nobody
/// else's private statement can appear, be counted or change what is shown. On a topic, a statement on that topic is
/// shown, or else the general statement between the same two people; which one is decided among visible statements
/// only, so a hidden statement on the topic never hides a visible general one. An unknown handle is NotFound.
/// </para>
/// </summary>
public sealed class GetTrustNeighbourhood(RapportDbContext db)
{
    public const int MaxOutgoing = 50;
    public const int MaxAmong = 200;
    public const int MaxEdges = 500;

    public async Task<Outcome<TrustNeighbourhood>> ExecuteAsync(
        Guid viewerId, string? around, string? topic, IReadOnlyCollection<Guid>? among, CancellationToken cancellationToken)
    {
        var person = string.IsNullOrWhiteSpace(around)
            ? (await db.LoadPeopleAsync([viewerId], cancellationToken)).GetValueOrDefault(viewerId)
            : await TrustPerspectives.PersonAsync(db, around, cancellationToken);
        if (person is null)
        {
            return Outcome<TrustNeighbourhood>.NotFound();
        }

        var errors = new FieldErrors();
        var normalizedTopic = ValidTrustFields.Topic(topic, errors);
        if (among?.Count > MaxAmong)
        {
            errors.Add("among", $"A picture holds at most {MaxAmong} people to start from.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<TrustNeighbourhood>.Invalid(errors);
        }

        var shown = Shown(viewerId, normalizedTopic);
        var outgoing = await Strongest(shown.Where(s => s.FromId == person.Id)).Take(MaxOutgoing).ToListAsync(cancellationToken);

        var ids = new HashSet<Guid>(among ?? []) { person.Id };
        ids.UnionWith(outgoing.Select(e => e.ToId));
        var inPicture = ids.ToList();
        var between = await Strongest(shown.Where(s => s.FromId != person.Id && inPicture.Contains(s.FromId) && inPicture.Contains(s.ToId)))
            .Take(MaxEdges - outgoing.Count).ToListAsync(cancellationToken);

        var edges = outgoing.Concat(between).ToList();
        var people = await db.LoadPeopleAsync(inPicture, cancellationToken);
        var views = edges
            .Where(e => people.ContainsKey(e.FromId) && people.ContainsKey(e.ToId))
            .Select(e => new TrustEdgeView(e.FromId, e.ToId, e.Value, TrustProjections.TopicOrNull(e.Topic)))
            .ToList();
        var everyone = inPicture.Where(people.ContainsKey).Select(id => people[id])
            .OrderBy(p => p.Id != person.Id).ThenBy(p => p.DisplayName, StringComparer.Ordinal).ThenBy(p => p.Handle, StringComparer.Ordinal)
            .ToList();
        return new TrustNeighbourhood(person, TrustProjections.TopicOrNull(normalizedTopic), everyone, views);
    }

    private sealed record Edge(Guid FromId, Guid ToId, double Value, string Topic);

    /// <summary>The statements the viewer may see on the topic, each general one only where no visible one on the topic joins the same two people.</summary>
    private IQueryable<TrustStatement> Shown(Guid viewerId, string topic)
    {
        var visible = db.TrustStatements.AsNoTracking()
            .Where(s => s.RevokedAt == null)
            .Where(TrustStatementAccess.CanSee(viewerId));
        return topic == TrustStatement.GeneralTopic
            ? visible.Where(s => s.Topic == TrustStatement.GeneralTopic)
            : visible.Where(s => s.Topic == topic
                || (s.Topic == TrustStatement.GeneralTopic && !visible.Any(o => o.FromId == s.FromId && o.ToId == s.ToId && o.Topic == topic)));
    }

    /// <summary>Strongest first, trust and distrust alike; ties by who is trusted, so a picture is drawn the same way twice.</summary>
    private static IQueryable<Edge> Strongest(IQueryable<TrustStatement> statements) =>
        statements
            .OrderByDescending(s => s.Value < 0 ? -s.Value : s.Value).ThenBy(s => s.FromId).ThenBy(s => s.ToId)
            .Select(s => new Edge(s.FromId, s.ToId, s.Value, s.Topic));
}
