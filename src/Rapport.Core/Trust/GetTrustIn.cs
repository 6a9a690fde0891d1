using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Trust.Scoring;

namespace Rapport.Core.Trust;

/// <summary>
/// How much the viewer may trust one person, on a topic or in general: the viewer's own current statements about them
/// (every topic) and the level the trust graph gives from the viewer's perspective (<c>TrustQueries.Level</c>:
/// the viewer's own statement on that topic when there is one, otherwise the strongest path). An unknown handle is NotFound.
/// </summary>
public sealed class GetTrustIn(RapportDbContext db, TrustGraphStore store, MarkdownRenderer markdown)
{
    public async Task<Outcome<TrustInPerson>> ExecuteAsync(Guid viewerId, string? handle, string? topic, CancellationToken cancellationToken)
    {
        var person = await TrustPerspectives.PersonAsync(db, handle, cancellationToken);
        if (person is null)
        {
            return Outcome<TrustInPerson>.NotFound();
        }

        var errors = new FieldErrors();
        var normalizedTopic = ValidTrustFields.Topic(topic, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<TrustInPerson>.Invalid(errors);
        }

        var statements = await db.TrustStatements.AsNoTracking()
            .Where(s => s.FromId == viewerId && s.ToId == person.Id && s.RevokedAt == null)
            .Where(TrustStatementAccess.CanSee(viewerId))
            .OrderBy(s => s.Topic)
            .ToListAsync(cancellationToken);
        var mine = await db.ToViewsAsync(markdown, statements, viewerId, cancellationToken);

        double? level = null;
        var graph = await store.GetAsync(cancellationToken);
        if (person.Id != viewerId && graph.TryGetNode(person.Id, out var target)
            && await TrustPerspectives.ForAsync(db, graph, viewerId, cancellationToken) is { } perspective)
        {
            level = TrustQueries.Level(graph.Snapshot, perspective, graph.TopicIndexOf(normalizedTopic), target);
        }

        return new TrustInPerson(person, TrustProjections.TopicOrNull(normalizedTopic), mine, level);
    }
}
